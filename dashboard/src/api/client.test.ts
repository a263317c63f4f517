import { describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../testing/render';
import { createClient, query } from './client';
import { ApiError, fieldError } from './errors';

describe('createClient', () => {
  it('sends same-origin credentials, JSON, and the CSRF token only on unsafe methods', async () => {
    const { fetch, calls } = fakeFetch({ 'GET /v1/team': () => ({ body: { members: [] } }), 'PUT /v1/settings': () => ({ body: {} }) });
    const client = createClient({ fetch });
    client.setCsrfToken('tok_1');
    await client.get('/v1/team');
    await client.put('/v1/settings', { dormantAfterDays: 14 });
    expect(calls[0]?.credentials).toBe('same-origin');
    expect(calls[0]?.headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[1]?.headers['X-CSRF-Token']).toBe('tok_1');
    expect(calls[1]?.headers['Content-Type']).toBe('application/json');
    expect(calls[1]?.body).toEqual({ dormantAfterDays: 14 });
  });

  it('turns the error envelope into an ApiError whose issues forms can look up', async () => {
    const issues = [{ path: 'activation.windowDays', message: 'Too small' }, { path: 'segments.1.when.value', message: 'Required' }];
    const { fetch } = fakeFetch({ 'PUT /v1/settings': () => ({ status: 400, body: { error: { code: 'invalid_request', message: 'Invalid settings', issues } } }) });
    const error = await createClient({ fetch }).put('/v1/settings', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', message: 'Invalid settings' });
    expect(fieldError(error, 'activation.windowDays')).toBe('Too small');
    expect(fieldError(error, 'segments.1')).toBe('Required');
    expect(fieldError(error, 'dormantAfterDays')).toBeUndefined();
    expect(fieldError(new Error('x'), 'activation.windowDays')).toBeUndefined();
  });

  it('calls onUnauthorized on a 401 and still rejects', async () => {
    const onUnauthorized = vi.fn();
    const { fetch } = fakeFetch({ 'GET /v1/session': () => ({ status: 401, body: { error: { code: 'unauthorized', message: 'Sign in' } } }) });
    await expect(createClient({ fetch, onUnauthorized }).get('/v1/session')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('keeps the status text when the body is not the envelope, and reports network failures', async () => {
    const html = (async () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' })) as typeof fetch;
    await expect(createClient({ fetch: html }).get('/v1/flows')).rejects.toMatchObject({ status: 502, code: 'internal_error', message: 'Bad Gateway' });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(createClient({ fetch: offline }).get('/v1/flows')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('answers undefined for an empty 204', async () => {
    const { fetch } = fakeFetch({ 'DELETE /v1/session': () => ({ status: 204 }) });
    await expect(createClient({ fetch }).del('/v1/session')).resolves.toBeUndefined();
  });
});

describe('query', () => {
  it('skips undefined and empty values and encodes the rest', () => {
    expect(query({ q: 'a b', segment: undefined, stage: '', expansion: true, limit: 50 })).toBe('?q=a+b&expansion=true&limit=50');
    expect(query({})).toBe('');
  });
});
