import { pageMessages } from '../page-messages';

export const auditMessages = pageMessages({}, {});
