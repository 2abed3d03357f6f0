import { checkApiAnswers } from './api-contracts.ts';

checkApiAnswers();
