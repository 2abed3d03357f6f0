export { i18n } from './i18n.svelte';
export * from './format';
export { translate, MESSAGES, type MessageKey, type MessageParams } from './messages';
