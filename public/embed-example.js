// Host side of the Service Circles embed API (docs/embedding.md): builds the
// iframe URL, logs what the app announces, and sends commands. Message text
// goes into the page with textContent only: whatever a frame sends is data.
const frame = document.getElementById('circles');
const log = document.getElementById('log');
const status = document.getElementById('status');

// The app to embed: ?app=<http(s) URL> on this page, else the copy next to it.
function appUrl() {
  const given = new URLSearchParams(location.search).get('app');
  const url = new URL(given || frame.dataset.app, location.href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`app URL must be http(s): ${url.href}`);
  url.searchParams.set('embed', '1');
  // Tell the app which origin may command it and receive its messages: ours.
  url.searchParams.set('origins', location.origin);
  return url;
}

const app = appUrl();
const appOrigin = app.origin;
frame.src = app.href;

function addLine(text) {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.append(li);
  log.scrollTop = log.scrollHeight;
}

function describe(m) {
  const covered = Object.entries(m.numbers?.covered ?? {})
    .map(([service, n]) => `${service} ${n}`)
    .join(', ');
  return `${m.type} radius=${m.radius} m services=${(m.services ?? []).join(',')} area=${m.area ?? '全区'} population=${m.numbers?.population} covered: ${covered}`;
}

window.addEventListener('message', (e) => {
  // Only our iframe, from the app's origin; everything else is someone else's.
  if (e.source !== frame.contentWindow || e.origin !== appOrigin) return;
  const m = e.data;
  if (!m || typeof m.type !== 'string' || !m.type.startsWith('service-circles:')) return;
  if (m.type === 'service-circles:ready') {
    status.textContent = 'ready';
    document.body.dataset.ready = '1';
  }
  document.body.dataset.lastRadius = String(m.radius);
  addLine(describe(m));
});

function send(command) {
  // Target the app's origin, never '*': the command is for this app only.
  frame.contentWindow.postMessage({ type: 'service-circles:set', ...command }, appOrigin);
  addLine(`sent service-circles:set ${JSON.stringify(command)}`);
}

document.getElementById('set-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const radius = Number(document.getElementById('radius').value);
  if (Number.isFinite(radius) && radius >= 1) send({ radius });
});

document.getElementById('service-form').addEventListener('submit', (e) => {
  e.preventDefault();
  send({ service: document.getElementById('service').value });
});

for (const button of document.querySelectorAll('button[data-size]')) {
  button.addEventListener('click', () => {
    const [w, h] = button.dataset.size.split('x');
    frame.width = w;
    frame.height = h;
  });
}
