import { mount } from 'svelte';
import App from './ui/App.svelte';
import { app } from './ui/state.svelte';
import { loadStrings } from './ui/i18n';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
// English strings are a chunk of their own: fetched before the first drawing
// when the page starts in English (remembered, or a link's l=en), so it does
// not flash Chinese first; if they cannot be fetched the page starts in Chinese.
const start = app.lang === 'en' || /[#&]l=en(&|$)/.test(location.hash) ? loadStrings('en').catch(() => undefined) : null;
if (start) void start.then(() => mount(App, { target }));
else mount(App, { target });
