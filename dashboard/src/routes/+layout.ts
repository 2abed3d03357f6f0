// Built static and served as an SPA by the backend: no server rendering, no prerendering.
export const ssr = false;
export const prerender = false;

import { appData } from '$lib/app/app-data.svelte';

// Asks for the session and configuration as soon as the layout's code is here, while the page's
// own code is still loading (the layout's onMount would wait for all of it).
export const load = () => {
  void appData.load();
};
