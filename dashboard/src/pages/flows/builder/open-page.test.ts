import { describe, expect, it } from 'vitest';
import { BuilderError, builderUrl } from './open-page';

describe('builderUrl', () => {
  it("adds the mode's nonce and the dashboard's language, keeping the page's own query", () => {
    const url = builderUrl('/demo/projects?tab=all', 'onward_builder', 'abc123def456', 'http://127.0.0.1:8787/#/flows/x', 'zh-CN');
    expect(url.href).toBe('http://127.0.0.1:8787/demo/projects?tab=all&onward_builder=abc123def456&onward_lang=zh-CN');
    expect(builderUrl('https://app.example.com/', 'onward_preview', 'n0nce-123', 'http://localhost/').search).toBe('?onward_preview=n0nce-123');
  });

  it('refuses what is not an http(s) page', () => {
    expect(() => builderUrl('javascript:alert(1)', 'onward_builder', 'abc123def456', 'http://localhost/')).toThrow(BuilderError);
  });
});
