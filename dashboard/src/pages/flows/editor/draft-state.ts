// The editor's state as a hook: the draft, what was last saved (for the unsaved-changes guard),
// the selected step and locale, and the issues shown at the fields.
import type { ErrorIssue, Flow } from '@onward/server/contracts';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Draft } from './starters';
import { validateDraft } from './validate';

/** The editable part of a stored flow. */
export function draftOf(flow: Flow): Draft {
  const { status: _s, publishedVersion: _p, createdAt: _c, updatedAt: _u, ...definition } = flow;
  return definition;
}

export function useDraftState(initial: Draft) {
  const [draft, setDraftState] = useState<Draft>(initial);
  const [baseline, setBaseline] = useState(() => JSON.stringify(initial));
  const [issues, setIssues] = useState<ErrorIssue[]>([]);
  const [selected, setSelected] = useState(0);
  const [locale, setLocale] = useState('en');
  const dirty = useMemo(() => JSON.stringify(draft) !== baseline, [draft, baseline]);

  // Once errors are on screen, they follow the edits (fixed fields clear at once).
  useEffect(() => {
    if (issues.length > 0) setIssues(validateDraft(draft));
  }, [draft]);

  return {
    draft,
    setDraft: (next: Draft) => {
      setDraftState(next);
      setSelected((s) => Math.min(s, next.steps.length - 1));
    },
    dirty,
    /** After a save or load: this is what the server has. */
    markSaved: (saved: Draft) => {
      setDraftState(saved);
      setBaseline(JSON.stringify(saved));
    },
    issues,
    setIssues,
    selected,
    setSelected,
    locale,
    setLocale,
  };
}

export type DraftState = ReturnType<typeof useDraftState>;
export type { ErrorIssue };
