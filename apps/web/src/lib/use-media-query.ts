import { useSyncExternalStore } from 'react';

/** True while the CSS media query matches; follows rotation and window resizing. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Matches the layout breakpoint in styles.css (48em ≈ 768px). */
export const DESKTOP_QUERY = '(min-width: 48em)';
