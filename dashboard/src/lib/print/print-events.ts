// When the page starts and stops being printed: the browser's own print (beforeprint/afterprint)
// and print media turned on without it (the server's PDF emulates print media, and never prints).

/** Calls `onchange(true)` when printing starts and `onchange(false)` when it ends; returns the unsubscribe. */
export function watchPrinting(onchange: (printing: boolean) => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  let printing = false;
  const set = (next: boolean) => {
    if (next === printing) return;
    printing = next;
    onchange(next);
  };
  const before = () => set(true);
  const after = () => set(print.matches);
  const print = window.matchMedia('print');
  const media = (event: MediaQueryListEvent) => set(event.matches);
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  print.addEventListener('change', media);
  if (print.matches) set(true);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    print.removeEventListener('change', media);
  };
}
