import { mount } from 'svelte';
import App from './ui/App.svelte';
import { app } from './ui/state.svelte';
import { loadStrings } from './ui/i18n';
import { blankHash, loadLinkReader } from './ui/share/hash-sync';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
// English strings are a chunk of their own: fetched before the first drawing
// when the page starts in English (remembered, or a link's l=en), so it does
// not flash Chinese first; if they cannot be fetched the page starts in Chinese.
const english = app.lang === 'en' || /[#&]l=en(&|$)/.test(location.hash) ? loadStrings('en').catch(() => undefined) : null;
// The link reader too, when the address has a hash (a shared link, a reload):
// the start reads it at once. If it cannot be fetched the app starts without
// the link and the console says so (hash-sync.ts).
const link = blankHash(location.hash) ? null : loadLinkReader().catch(() => undefined);
if (english || link) void Promise.all([english, link]).then(() => mount(App, { target }));
else mount(App, { target });
