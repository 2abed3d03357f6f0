import { pageMessages } from '../page-messages';

export const surveysMessages = pageMessages({}, {});
