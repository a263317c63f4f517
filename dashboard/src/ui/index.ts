// The dashboard's presentational kit: no data fetching, strings through useI18n. See ../../README.md.
export { Badge, type Tone } from './badge';
export { Button, LinkButton, type ButtonVariant } from './button';
export { Card } from './card';
export { CodeBlock } from './code-block';
export { CopyButton } from './copy-button';
export { EmptyState } from './empty-state';
export { ErrorState } from './error-state';
export { Field, FormError, type ControlProps } from './field';
export { LoadMore } from './load-more';
export { Meter } from './meter';
export { PageHeader } from './page-header';
export { PageLoading, Spinner } from './spinner';
export { Stat, StatGrid } from './stat';
export { Table, type Column, type SortOrder } from './table';
export { Tabs, type Tab } from './tabs';
export { TraitList } from './trait-list';
export * from './icons';
