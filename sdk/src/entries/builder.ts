// The builder chunk (dist/builder-<hash>.js for the script tag; a split chunk of `@onward/sdk`):
// element picker and whole-flow preview for the dashboard. The core loads it instead of the
// guides engine only when the page URL has ?onward_builder= or ?onward_preview=.
// Importing it touches nothing.
import { createBuilder } from '../builder';

export { createBuilder as createGuides };
