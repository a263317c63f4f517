// Writing direction of the chosen content locale (BCP-47), for `dir` on the step root.
const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/**
 * `rtl` for right-to-left languages, else `ltr`.
 *
 * @example
 * direction('ar-EG'); // 'rtl'
 */
export function direction(locale: string): 'rtl' | 'ltr' {
  return RTL.has(locale.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}
