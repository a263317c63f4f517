// The settings document as the form edits it (strings in inputs) and back. PUT /v1/settings
// replaces the whole document, so every field the form does not show is carried over untouched.
import type { Settings, SettingsInput, Theme } from '@onward/server/contracts';
import { fromDraft, toDraft, type SegmentsDraft } from './segment-rules';

export type ThemeMode = NonNullable<Theme['mode']>;

export type SettingsForm = {
  valueEvent: string;
  activationEvents: string[];
  windowDays: string;
  dormantAfterDays: string;
  throttleHours: string;
  segments: SegmentsDraft;
  identityVerification: boolean;
  theme: { brandColor: string; font: string; radius: string; mode: ThemeMode | '' };
};

const text = (n: number | undefined) => (n === undefined ? '' : String(n));
/** An empty required number goes as null so the API names the field, rather than a silent default. */
const required = (s: string) => (s.trim() === '' ? null : Number(s)) as number;
const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());

export function toForm(s: Settings): SettingsForm {
  return {
    valueEvent: s.valueEvent ?? '',
    activationEvents: [...s.activation.events],
    windowDays: String(s.activation.windowDays),
    dormantAfterDays: String(s.dormantAfterDays),
    throttleHours: String(s.throttleHours),
    segments: toDraft(s.segments),
    identityVerification: s.identityVerification,
    theme: { brandColor: s.theme.brandColor ?? '', font: s.theme.font ?? '', radius: text(s.theme.radius), mode: s.theme.mode ?? '' },
  };
}

export function toInput(f: SettingsForm): SettingsInput {
  const radius = optional(f.theme.radius);
  return {
    valueEvent: optional(f.valueEvent) ?? null,
    activation: { events: f.activationEvents, windowDays: required(f.windowDays) },
    dormantAfterDays: required(f.dormantAfterDays),
    throttleHours: required(f.throttleHours),
    segments: fromDraft(f.segments),
    identityVerification: f.identityVerification,
    theme: {
      brandColor: optional(f.theme.brandColor),
      font: optional(f.theme.font),
      radius: radius === undefined ? undefined : Number(radius),
      mode: f.theme.mode === '' ? undefined : f.theme.mode,
    },
  };
}
