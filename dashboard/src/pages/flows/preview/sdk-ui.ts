// The SDK's own renderer, view builder and safe markdown, imported from its source: `@onward/sdk`
// exports only the public API (dist), not the ui chunk. One place, so a future `@onward/sdk/ui`
// export (or a Vite alias) changes only this file. The SDK code is bundled, never modified.
export { mountUi } from '../../../../../sdk/src/ui';
export type { StepCallbacks, StepView, Ui } from '../../../../../sdk/src/ui';
export { buildView } from '../../../../../sdk/src/flows/view';
export { markdown } from '../../../../../sdk/src/ui/content/markdown';
