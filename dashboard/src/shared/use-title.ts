import { useEffect } from 'preact/hooks';

/** "Accounts · Onward" in the tab and history while the page is shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Onward`;
  }, [title]);
}
