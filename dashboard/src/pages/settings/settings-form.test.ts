import { DEFAULT_SETTINGS, type Settings } from '@onward/server/contracts';
import { describe, expect, it } from 'vitest';
import { formatOperand, fromDraft, parseOperand, toDraft } from './segment-rules';
import { toForm, toInput } from './settings-form';

describe('segment operands', () => {
  it.each([
    ['eq', 'KA', 'KA'],
    ['eq', ' 500 ', 500],
    ['eq', 'true', true],
    ['gte', '500', 500],
    ['contains', 'acme', 'acme'],
    ['in', 'KA, SMB ,, 3', ['KA', 'SMB', 3]],
    ['nin', 'true, x', ['true', 'x']],
    ['exists', 'anything', undefined],
  ] as const)('%s %j → %j', (op, text, value) => {
    expect(parseOperand(op, text)).toEqual(value);
  });

  it('formats stored values back into the text field', () => {
    expect(formatOperand(['KA', 3])).toBe('KA, 3');
    expect(formatOperand(500)).toBe('500');
    expect(formatOperand(undefined)).toBe('');
  });
});

describe('segments draft', () => {
  it('keeps rules in order with the catch-all last, and drops rules the catch-all hides', () => {
    const segments: Settings['segments'] = [
      { name: 'Key accounts', when: { account: 'tier', op: 'in', value: ['KA'] } },
      { name: 'SMB', when: { account: 'mrr', op: 'gte', value: 500 } },
      { name: 'Long tail' },
      { name: 'Never reached', when: { account: 'x', op: 'exists' } },
    ];
    const draft = toDraft(segments);
    expect(draft.catchAll).toBe('Long tail');
    expect(draft.rules.map((r) => r.name)).toEqual(['Key accounts', 'SMB']);
    expect(fromDraft(draft)).toEqual(segments.slice(0, 3));
  });
});

describe('settings form', () => {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    valueEvent: 'Report Created',
    activation: { events: ['Project Created', 'Teammate Invited'], windowDays: 7 },
    segments: [{ name: 'SMB', when: { account: 'mrr', op: 'gte', value: 500 } }, { name: 'Rest' }],
    throttleHours: 4,
    theme: { brandColor: '#4f46e5', radius: 8 },
  };

  it('round-trips a stored document unchanged', () => {
    expect(toInput(toForm(settings))).toEqual(settings);
  });

  it('sends an emptied required number as null so the API names the field', () => {
    const form = { ...toForm(settings), windowDays: '', valueEvent: '  ' };
    const input = toInput(form);
    expect(input.activation?.windowDays).toBeNull();
    expect(input.valueEvent).toBeNull();
  });
});
