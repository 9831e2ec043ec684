// The sign-in screen: one secret (an app's secret key or the operator token), the server's
// problem shown beside the field, and why the reader is here (expired, signed out) above it.
import { h, notice } from './dom.js';

/**
 * @param {{api: object, message?: string, onSignedIn: () => void}} options
 */
export function signInView({ api, message, onSignedIn }) {
  const input = h('input', {
    id: 'secret', name: 'secret', type: 'password', required: true, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'secret-hint',
  });
  const error = h('div', { id: 'secret-error', class: 'field-error', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'button button-primary' }, 'Sign in');
  const form = h('form', { class: 'signin-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'secret' }, 'Secret key or operator token'),
      input,
      h('span', { id: 'secret-hint', class: 'hint' }, 'An app\'s secret key (sk_…) shows that app; the operator token shows every app.')),
    error,
    button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const secret = input.value.trim();
    if (!secret) {
      showError('Enter a secret key or the operator token.');
      return;
    }
    button.disabled = true;
    error.textContent = '';
    try {
      await api.signIn(secret);
      input.value = '';
      onSignedIn();
    } catch (e) {
      showError(e.message);
    } finally {
      button.disabled = false;
    }
  });

  function showError(text) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'secret-hint secret-error');
    error.textContent = text;
    input.focus();
  }

  const view = h('main', { id: 'main', class: 'signin' },
    h('div', { class: 'signin-card' },
      h('h1', {}, 'Swipeloop admin'),
      h('p', { class: 'page-intro' }, 'Votes, items, rankings, raters, keys, plugins and exports of your Swipeloop server.'),
      message ? notice('info', message) : null,
      form));
  queueMicrotask(() => input.focus());
  return view;
}
