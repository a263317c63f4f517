import { describe, expect, it } from 'vitest';
import { deepLinkUrl } from './deep-link';

describe('deepLinkUrl', () => {
  it.each([
    ['https://app.example.com/', 'welcome-back', 'https://app.example.com/?onward_flow=welcome-back'],
    ['https://app.example.com/home?tab=1#top', 'tour', 'https://app.example.com/home?tab=1&onward_flow=tour#top'],
    ['https://app.example.com/?onward_flow=old', 'new', 'https://app.example.com/?onward_flow=new'],
    ['http://localhost:3000/a b', 'flow one', 'http://localhost:3000/a%20b?onward_flow=flow+one'],
  ])('%s + %s → %s', (base, flowId, expected) => {
    expect(deepLinkUrl(base, flowId)).toBe(expected);
  });
});
