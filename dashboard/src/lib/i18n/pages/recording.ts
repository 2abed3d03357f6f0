import { pageMessages } from '../page-messages';

export const recordingMessages = pageMessages({}, {});
