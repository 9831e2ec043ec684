// Exports: pick a format and its options, start a background job, watch its progress, download
// it; below, every export of the app with its manifest.
import { h, replace, pageHeading, field, select, table, notice, loading, badge, uniqueId } from './dom.js';
import { openDialog } from './dialog.js';
import { formatDateTime, formatCount, formatPercent, NONE } from './format.js';
import { exportOptionFields, optionValues } from './export-options.js';

const POLL_MS = 700;

/** The badge tone of an export job's state. */
function stateTone(state) {
  return { done: 'ok', failed: 'bad', running: 'warn', queued: 'neutral' }[state] || 'neutral';
}

export async function render(section, ctx) {
  const { api } = ctx;
  const start = h('section', { class: 'panel', 'aria-labelledby': 'start-title' }, h('h2', { id: 'start-title' }, 'Start an export'));
  const history = h('section', { class: 'panel', 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, 'History'));
  const historyBody = h('div', {});
  history.append(historyBody);
  section.append(pageHeading('Exports', 'Votes as training data. A background export keeps running if you leave this page; its file stays here to download.'),
    start, history);
  let stopped = false;
  let poll = null;

  const formSlot = h('div', {});
  start.append(formSlot);
  replace(formSlot, startForm(await loading(formSlot, api.get('/v1/exports'))));
  await showHistory();
  return () => {
    stopped = true;
    clearTimeout(poll);
  };

  function startForm({ formats: list, commonOptions }) {
    if (!list.length) return h('p', { class: 'empty' }, 'No export format is installed.');
    const format = select(list.map((f) => [f.id, f.id]), list[0].id, { name: 'format' });
    const about = h('p', { class: 'hint', id: uniqueId('format-about') });
    format.setAttribute('aria-describedby', about.id);
    const formatOptions = h('fieldset', { class: 'options' });
    const common = h('fieldset', { class: 'options' }, h('legend', {}, 'Options of every format'), ...exportOptionFields(commonOptions, 'common'));
    const progress = h('div', { class: 'job-progress', role: 'status' });
    const button = h('button', { type: 'submit', class: 'button button-primary' }, 'Start export');
    const error = h('div', { role: 'alert' });
    const showFormat = () => {
      const chosen = list.find((f) => f.id === format.value);
      about.textContent = `${chosen.description.replace(/\.?$/, '.')} Writes .${chosen.fileExtension.replace(/^\./, '')} files of ${chosen.kinds.join(' and ')} votes.`;
      replace(formatOptions, h('legend', {}, `Options of ${chosen.id}`),
        chosen.options.length ? exportOptionFields(chosen.options, chosen.id) : h('p', { class: 'muted' }, 'This format has no options of its own.'));
    };
    format.addEventListener('change', showFormat);
    showFormat();
    const form = h('form', { class: 'export-form', novalidate: true },
      field('Format', format), about, formatOptions, h('details', {}, h('summary', {}, 'Filters and splits'), common),
      error, h('div', { class: 'form-actions' }, button), progress);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      replace(error);
      const chosen = list.find((f) => f.id === format.value);
      const options = { ...optionValues(form, commonOptions, 'common'), ...optionValues(form, chosen.options, chosen.id) };
      button.disabled = true;
      try {
        const job = await api.post('/v1/exports', { format: chosen.id, options });
        await follow(job, progress);
      } catch (e) {
        replace(error, notice('error', e.message));
      } finally {
        button.disabled = false;
      }
    });
    return form;
  }

  /** Polls a job until it ends, drawing its progress bar; then offers the download. */
  async function follow(job, container) {
    const bar = h('progress', { max: 1, value: 0, 'aria-label': `Export ${job.id}` });
    const text = h('span', { class: 'progress-text' });
    replace(container, h('p', {}, `Export ${job.id} started.`), h('div', { class: 'progress-row' }, bar, text));
    for (;;) {
      if (stopped) return;
      const fraction = job.progress?.fraction;
      if (Number.isFinite(fraction)) bar.value = fraction;
      else bar.removeAttribute('value'); // queued: an indeterminate bar
      text.textContent = `${job.state}${job.progress ? `: ${formatPercent(job.progress.fraction, 0)}, ${formatCount(job.progress.votesRead)} votes read, `
        + `${formatCount(job.progress.rowsWritten)} rows written` : ''}`;
      if (job.state === 'done' || job.state === 'failed') break;
      await new Promise((resolve) => {
        poll = setTimeout(resolve, POLL_MS);
      });
      if (stopped) return;
      job = await api.get(`/v1/exports/jobs/${encodeURIComponent(job.id)}`);
    }
    if (job.state === 'done') {
      bar.value = 1;
      replace(container, notice('success', `Export ${job.id} is done.`), downloadLink(job));
    } else {
      replace(container, notice('error', `Export ${job.id} failed: ${job.error || 'no reason given'}`));
    }
    await showHistory();
  }

  function downloadLink(job) {
    return h('a', { class: 'button button-primary', href: api.href(job.download), download: job.fileName || '' }, `Download ${job.fileName}`);
  }

  /** In the history: a short link, named with the file for screen readers, the file name under it. */
  function historyDownload(job) {
    return h('div', {}, h('a', { href: api.href(job.download), download: job.fileName || '', 'aria-label': `Download ${job.fileName}` }, 'Download'),
      h('span', { class: 'cell-note nowrap' }, job.fileName));
  }

  async function showHistory() {
    const { jobs } = await loading(historyBody, api.get('/v1/exports/jobs'));
    replace(historyBody, jobs.length ? table({
      caption: 'Exports of this app, newest first',
      hideCaption: true,
      columns: [{ label: 'Export', rowHeader: true, nowrap: true }, { label: 'Format' }, { label: 'State', nowrap: true },
        { label: 'Started', nowrap: true }, { label: 'Finished', nowrap: true }, { label: 'File' }, { label: 'Manifest' }],
      rows: jobs.map((job) => [
        h('code', {}, job.id), job.format, h('span', {}, badge(job.state, stateTone(job.state)), job.streamed ? ' streamed' : ''),
        formatDateTime(job.createdAt), job.finishedAt ? formatDateTime(job.finishedAt) : NONE,
        job.download ? historyDownload(job) : (job.error ? h('span', { class: 'cell-note' }, job.error) : NONE),
        job.manifest ? manifestButton(job) : NONE,
      ]),
    }) : h('p', { class: 'empty' }, 'No export yet.'));
  }
}

function manifestButton(job) {
  const button = h('button', { type: 'button', class: 'button', 'aria-label': `Manifest of export ${job.id}` }, 'View');
  button.addEventListener('click', () => openDialog({
    title: `Manifest of export ${job.id}`,
    wide: true,
    content: h('pre', { class: 'manifest', tabindex: 0 }, JSON.stringify(job.manifest, null, 2)),
    actions: [{ label: 'Close', value: 'close', autofocus: true }],
  }));
  return button;
}
