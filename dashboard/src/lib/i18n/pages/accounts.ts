import { pageMessages } from '../page-messages';

export const accountsMessages = pageMessages({}, {});
