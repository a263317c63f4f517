import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors';
import { starter } from './starters';
import { issueAt, issuesOf, issueUnder, stepOfPath, stepsWithIssues, tabOfPath, toInput, validateDraft } from './validate';

describe('validation and error paths', () => {
  it('reports schema problems with the API’s dotted paths', () => {
    const draft = starter('tour');
    const bad = {
      ...draft,
      name: '',
      steps: draft.steps.map((s, i) => (i === 2 ? { ...s, content: { en: { title: 'x'.repeat(201) } } } : i === 1 ? { ...s, id: 'welcome' } : s)),
    };
    const paths = validateDraft(bad).map((i) => i.path);
    expect(paths).toContain('name');
    expect(paths).toContain('steps.2.content.en.title');
    expect(paths).toContain('steps.1.id');
    expect(validateDraft(draft)).toEqual([]);
  });

  it('maps API issues to fields, steps and tabs', () => {
    const error = new ApiError(400, 'invalid_request', 'Invalid flow', [
      { path: 'steps.2.content.en.title', message: 'Too long' },
      { path: 'audience.all.0.op', message: 'Invalid option' },
      { path: 'goal.withinDays', message: 'Too big' },
    ]);
    const issues = issuesOf(error);
    expect(issueAt(issues, 'steps.2.content.en.title')).toBe('Too long');
    expect(issueUnder(issues, 'steps.2')).toBe('Too long');
    expect(issueAt(issues, 'steps.2')).toBeUndefined();
    expect(issueUnder(issues, 'audience.all.0')).toBe('Invalid option');
    expect([...stepsWithIssues(issues)]).toEqual([2]);
    expect(stepOfPath('steps.12.buttons.0.href')).toBe(12);
    expect(stepOfPath('name')).toBeNull();
    expect(issues.map((i) => tabOfPath(i.path))).toEqual(['steps', 'audience', 'delivery']);
    expect(tabOfPath('name')).toBe('general');
    expect(issuesOf(new Error('x'))).toEqual([]);
  });

  it('drops empty optional groups before sending', () => {
    const out = toInput({ ...starter('tip'), theme: {}, schedule: {} });
    expect(out.theme).toBeUndefined();
    expect(out.schedule).toBeUndefined();
  });
});
