// Keeps the deck's progress events for the test to read (a file, not inline: the page's CSP allows no inline script).
window.events = [];
for (const name of ['progress', 'milestone', 'flush']) {
  document.addEventListener(`swipe-deck:${name}`, (e) => window.events.push({ name, detail: e.detail }));
}
document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP refused ${e.blockedURI} (${e.violatedDirective})`));
