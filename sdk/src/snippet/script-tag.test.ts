import { afterEach, describe, expect, it } from 'vitest';
import { readScriptConfig } from './script-tag';

const addScript = (attributes: Record<string, string>): HTMLScriptElement => {
  const script = document.createElement('script');
  script.type = 'text/plain'; // never executed by the test DOM
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.head.appendChild(script);
  return script;
};

afterEach(() => {
  document.head.querySelectorAll('script').forEach((script) => script.remove());
});

describe('readScriptConfig', () => {
  it('defaults the API host to the origin of the script src', () => {
    addScript({ src: 'https://onward.example.com/sdk.js', 'data-write-key': 'pk_1' });
    expect(readScriptConfig(document)).toEqual({
      writeKey: 'pk_1',
      apiHost: 'https://onward.example.com',
      autoPage: true,
    });
  });

  it('lets data-api-host override it, and data-auto-page="false" turn automatic pages off', () => {
    addScript({
      src: '/sdk.js',
      'data-write-key': 'pk_1',
      'data-api-host': 'https://ingest.example.com/',
      'data-auto-page': 'false',
    });
    expect(readScriptConfig(document)).toEqual({
      writeKey: 'pk_1',
      apiHost: 'https://ingest.example.com',
      autoPage: false,
    });
  });

  it('uses the page origin for a relative src', () => {
    addScript({ src: '/sdk.js', 'data-write-key': 'pk_1' });
    expect(readScriptConfig(document)?.apiHost).toBe(location.origin);
  });

  it('prefers document.currentScript', () => {
    addScript({ src: 'https://other.example.com/sdk.js', 'data-write-key': 'pk_other' });
    const current = addScript({
      src: 'https://onward.example.com/sdk.js',
      'data-write-key': 'pk_mine',
    });
    Object.defineProperty(document, 'currentScript', { value: current, configurable: true });
    try {
      expect(readScriptConfig(document)?.writeKey).toBe('pk_mine');
    } finally {
      Reflect.deleteProperty(document, 'currentScript');
    }
  });

  it('returns undefined without a write key', () => {
    addScript({ src: '/sdk.js' });
    expect(readScriptConfig(document)).toBeUndefined();
    expect(readScriptConfig(undefined)).toBeUndefined();
  });
});
