// @vitest-environment node
import { describe, expect, it } from 'vitest';

describe('server-side rendering', () => {
  it('imports the ES module and the guides chunk without a window, and creates nothing global', async () => {
    const before = Object.keys(globalThis).sort();
    const module = await import('./module');
    await import('./guides');
    expect(Object.keys(globalThis).sort()).toEqual(before);
    const onward = module.createOnward({ writeKey: 'pk_1', apiHost: 'https://api.test' });
    expect(() => onward.track('Rendered On Server')).not.toThrow();
    expect(() => onward.show('tour')).not.toThrow();
    onward.dispose();
  });
});
