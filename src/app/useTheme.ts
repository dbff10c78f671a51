import { useEffect } from 'react';
import { useEditorStore, type ThemePreference } from '../store/index.ts';

const storageKey = 'erd-proof:theme';

/** The theme chosen last time on this browser, or the system's. */
export function savedTheme(): ThemePreference {
  const saved = localStorage.getItem(storageKey);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

/** Applies the theme to the page (following the system's while it is "system") and remembers the choice. */
export function useTheme(): void {
  const theme = useEditorStore((s) => s.theme);
  useEffect(() => {
    localStorage.setItem(storageKey, theme);
    const system = matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = theme === 'system' ? (system.matches ? 'dark' : 'light') : theme;
    };
    apply();
    system.addEventListener('change', apply);
    return () => system.removeEventListener('change', apply);
  }, [theme]);
}
