import { describe, expect, it } from 'vitest';
import { matchUrl, type UrlMatch } from './url-match';

const at = (href: string) => {
  const u = new URL(href);
  return { href: u.href, pathname: u.pathname, search: u.search, hash: u.hash };
};

describe('matchUrl', () => {
  it.each<[string, UrlMatch, string, boolean]>([
    ['/demo/projects', 'exact', 'http://x.test/demo/projects', true],
    ['/demo/projects', 'exact', 'http://x.test/demo/projects/', true],
    ['/demo/projects', 'exact', 'http://x.test/demo/projects?tab=2#top', true],
    ['/demo/projects?tab=2', 'exact', 'http://x.test/demo/projects?tab=2', true],
    ['/demo/projects?tab=2', 'exact', 'http://x.test/demo/projects?tab=3', false],
    ['/demo/projects', 'exact', 'http://x.test/demo/projects/p1', false],
    ['/demo', 'prefix', 'http://x.test/demo/projects', true],
    ['/demo', 'prefix', 'http://x.test/other', false],
    ['/demo*', 'glob', 'http://x.test/demo', true],
    ['/demo*', 'glob', 'http://x.test/demo/reports/r1', true],
    ['/demo/projects/*', 'glob', 'http://x.test/demo/projects/p-42', true],
    ['/demo/projects/*', 'glob', 'http://x.test/demo/reports/p-42', false],
    ['/a.b', 'glob', 'http://x.test/aXb', false],
    ['#/settings', 'glob', 'http://x.test/#/settings', false],
    ['/#/settings*', 'glob', 'http://x.test/#/settings/profile', true],
    ['^/demo/(projects|reports)$', 'regex', 'http://x.test/demo/reports', true],
    ['[', 'regex', 'http://x.test/demo', false],
    ['https://app.test/demo*', 'glob', 'https://app.test/demo/x?y=1', true],
    ['https://app.test/demo*', 'glob', 'https://other.test/demo/x', false],
  ])('%s (%s) on %s → %s', (pattern, match, href, expected) => {
    expect(matchUrl(pattern, match, at(href))).toBe(expected);
  });
});
