// localStorage that never throws (private modes, storage disabled): preferences are a nicety.
export const STORAGE_KEYS = { locale: 'onward:locale', theme: 'onward:theme' } as const;

export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // The choice then lasts until reload.
  }
}
