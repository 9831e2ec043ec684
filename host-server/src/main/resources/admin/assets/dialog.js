// Modal dialogs on <dialog>: the browser traps focus and closes on Escape; focus goes back to
// what opened the dialog. Confirmations for what cannot be undone, and new keys shown once.
import { h, uniqueId, announce } from './dom.js';

/**
 * Opens a modal dialog and resolves with the value of the button that closed it (null on
 * Escape). `content` is a node or a list of nodes.
 * @param {{title: string, content: Node | Node[], actions: {label: string, value: string, tone?: string, autofocus?: boolean}[], wide?: boolean}} spec
 */
export function openDialog({ title, content, actions, wide = false }) {
  const opener = document.activeElement;
  const titleId = uniqueId('dialog-title');
  const dialog = h('dialog', { class: wide ? 'dialog dialog-wide' : 'dialog', 'aria-labelledby': titleId },
    h('form', { method: 'dialog', class: 'dialog-form' },
      h('h2', { id: titleId }, title),
      h('div', { class: 'dialog-body' }, content),
      h('div', { class: 'dialog-actions' }, actions.map((a) => h('button', {
        value: a.value, class: `button ${a.tone ? `button-${a.tone}` : ''}`, autofocus: a.autofocus,
      }, a.label)))));
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const value = dialog.returnValue || null;
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      resolve(value);
    }, { once: true });
    dialog.showModal();
  });
}

/** Asks before something that cannot be undone; resolves true when confirmed. */
export async function confirmDialog({ title, message, confirmLabel, tone = 'danger' }) {
  const answer = await openDialog({
    title,
    content: (Array.isArray(message) ? message : [message]).map((m) => h('p', {}, m)),
    actions: [
      { label: 'Cancel', value: 'cancel', autofocus: true },
      { label: confirmLabel, value: 'confirm', tone },
    ],
  });
  return answer === 'confirm';
}

/**
 * Shows new keys once, each in a read-only field with a copy button. Resolves when closed.
 * @param {{title: string, intro: string, secrets: {label: string, value: string}[]}} spec
 */
export function secretDialog({ title, intro, secrets }) {
  const rows = secrets.map(({ label, value }) => {
    const input = h('input', { type: 'text', readonly: true, value, class: 'secret-value', spellcheck: 'false', id: uniqueId('secret') });
    const copy = h('button', { type: 'button', class: 'button', 'aria-label': `Copy ${label}` }, 'Copy');
    copy.addEventListener('click', () => copyText(input, label));
    return h('div', { class: 'field secret-field' }, h('label', { for: input.id }, label), h('div', { class: 'secret-row' }, input, copy));
  });
  return openDialog({
    title,
    content: [h('p', { class: 'notice notice-warn' }, intro), ...rows],
    actions: [{ label: 'I have saved it', value: 'done', tone: 'primary' }],
  });
}

async function copyText(input, label) {
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    // No clipboard permission (plain http on another host): select the text for Ctrl+C.
    input.select();
    announce(`Clipboard not available: ${label} is selected, press Ctrl+C to copy it.`);
    return;
  }
  announce(`${label} copied.`);
}

/**
 * A dialog around a form that stays open until `onSubmit(form)` succeeds; what it throws is
 * shown in the dialog (and read out), so a rejected field can be fixed in place.
 * Resolves with onSubmit's result, or null when cancelled.
 * @param {{title: string, content: Node[], submitLabel: string, onSubmit: (form: HTMLFormElement) => Promise<unknown>}} spec
 */
export function formDialog({ title, content, submitLabel, onSubmit }) {
  const opener = document.activeElement;
  const titleId = uniqueId('dialog-title');
  const error = h('div', { class: 'dialog-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, submitLabel);
  const cancel = h('button', { type: 'button', class: 'button' }, 'Cancel');
  const form = h('form', { class: 'dialog-form', novalidate: true },
    h('h2', { id: titleId }, title), h('div', { class: 'dialog-body' }, content), error,
    h('div', { class: 'dialog-actions' }, cancel, submit));
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId }, form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    let result = null;
    cancel.addEventListener('click', () => dialog.close());
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      error.textContent = '';
      try {
        result = await onSubmit(form);
        dialog.close();
      } catch (e) {
        error.textContent = e.message;
      } finally {
        submit.disabled = false;
      }
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      resolve(result);
    }, { once: true });
    dialog.showModal();
  });
}
