// The link a vendor puts in a re-engagement email: their page plus `onward_flow=<flowId>`, which
// makes the SDK start that flow when the user lands there (CONTRACT.md §2).

/**
 * @example deepLinkUrl('https://app.example.com/home?tab=1#top', 'welcome-back')
 * // 'https://app.example.com/home?tab=1&onward_flow=welcome-back#top'
 */
export function deepLinkUrl(base: string, flowId: string): string {
  const url = new URL(base);
  // set, not append: a base that already names a flow is overridden, never doubled.
  url.searchParams.set('onward_flow', flowId);
  return url.toString();
}
