import { describe, expect, it } from 'vitest';
import { matchPath, pathOf, pathTo } from './router';

describe('router', () => {
  it.each([
    ['', '/'],
    ['#', '/'],
    ['#/accounts', '/accounts'],
    ['#/accounts/acct_7?tab=users', '/accounts/acct_7'],
    ['#users', '/users'],
  ])('pathOf(%j) = %s', (hash, path) => expect(pathOf(hash)).toBe(path));

  it('matches patterns and decodes params', () => {
    expect(matchPath('/accounts/:id', '/accounts/acct%207')).toEqual({ id: 'acct 7' });
    expect(matchPath('/accounts/:id', '/accounts')).toBeNull();
    expect(matchPath('/accounts', '/accounts/')).toEqual({});
    expect(matchPath('/users/:id', '/accounts/x')).toBeNull();
    expect(matchPath('/users/:id', '/users/%E0%A4%A')).toBeNull();
  });

  it('round-trips ids through pathTo', () => {
    expect(matchPath('/users/:id', pathTo('/users', 'ada/42?#'))).toEqual({ id: 'ada/42?#' });
  });
});
