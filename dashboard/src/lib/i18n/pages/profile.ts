import { pageMessages } from '../page-messages';

export const profileMessages = pageMessages({}, {});
