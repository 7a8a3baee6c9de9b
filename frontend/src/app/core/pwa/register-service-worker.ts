import { isDevMode } from '@angular/core';

/**
 * Installs the console's service worker (public/sw.js: offline app shell, cached bundles, never the
 * API) once the page has loaded, so it does not compete with the first render. Production builds only:
 * `ng serve` rebuilds files under the same names.
 */
export function registerServiceWorker(nav: Navigator = navigator): void {
  if (isDevMode() || !('serviceWorker' in nav)) return;
  const register = () =>
    nav.serviceWorker
      .register('/sw.js')
      .catch((error: unknown) => console.warn('service worker', error));
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
