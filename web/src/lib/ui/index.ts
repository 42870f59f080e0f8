/** The Halooid UI library: import from '$lib/ui' (or '$ui'). Tokens live in theme.css. */
export { default as Badge } from './Badge.svelte';
export { default as Button } from './Button.svelte';
export { default as Checkbox } from './Checkbox.svelte';
export { default as ConfirmDialog } from './ConfirmDialog.svelte';
export { default as Dialog } from './Dialog.svelte';
export { default as EmptyState } from './EmptyState.svelte';
export { default as Icon, type IconName, isIconName } from './Icon.svelte';
export { default as Input } from './Input.svelte';
export { default as SectionHead } from './SectionHead.svelte';
export { default as Select } from './Select.svelte';
export { default as Skeleton } from './Skeleton.svelte';
export { default as Table } from './Table.svelte';
export { default as Tabs } from './Tabs.svelte';
export { default as Textarea } from './Textarea.svelte';
export { default as Toaster } from './Toaster.svelte';
export { type ToastItem, toast } from './toast.svelte';
export type { Column, SelectOption, Sort, Tab } from './types';
