import { tick } from 'svelte';

/**
 * Takes the user to an action's result: once the page has drawn it, its heading (by id) is scrolled
 * to the top of the window and takes the focus (the heading needs `tabindex="-1"`). Returns whether
 * the heading was there.
 */
export async function focusResult(id: string): Promise<boolean> {
  await tick();
  const heading = document.getElementById(id);
  if (!heading) return false;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
  return true;
}

/**
 * After a change of the whole page (signing in, a new password): the focus goes to the page's
 * heading once it is drawn (made focusable for this), or to the main region while it loads.
 */
export async function focusPageHeading(): Promise<void> {
  await tick();
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  } else document.getElementById('main')?.focus();
}
