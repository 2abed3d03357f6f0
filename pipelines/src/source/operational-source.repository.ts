import type { PrismaClient } from '@osl/prisma';

export interface SourceActivity {
  id: number;
  externalId: string;
  date: string;
  community: string;
  typeCode: string;
  headcountAnonymous: number;
  residentInitiative: boolean;
  importBatchId: number;
  sourceRow: number;
}

export interface SourceParticipant {
  code: string;
  homeCommunity: string;
  gender: string | null;
  birthYear: number | null;
  leader: boolean;
  leaderSince: string | null;
}

export interface SourceAttendance {
  activityId: number;
  participantCode: string;
}

export interface SourceSurveyAnswer {
  responseId: number;
  surveyCode: string;
  questionCode: string;
  date: string;
  community: string;
  valueNumber: number;
}

const pageSize = 50_000;

/**
 * Reads the operational database for the pipeline. It selects codes and attributes only:
 * names and free-text survey answers are never read, so they cannot reach the analytics store.
 */
export class OperationalSourceRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async *participants(): AsyncGenerator<SourceParticipant[]> {
    for (let cursor = 0; ; ) {
      const page = await this.prisma.participant.findMany({
        where: { id: { gt: cursor } },
        orderBy: { id: 'asc' },
        take: pageSize,
        select: { id: true, code: true, gender: true, birthYear: true, leader: true, leaderSince: true, homeCommunity: { select: { code: true } } },
      });
      if (page.length === 0) return;
      cursor = page[page.length - 1]!.id;
      yield page.map((p) => ({
        code: p.code,
        homeCommunity: p.homeCommunity.code,
        gender: p.gender,
        birthYear: p.birthYear,
        leader: p.leader,
        leaderSince: p.leaderSince,
      }));
    }
  }

  async *activities(): AsyncGenerator<SourceActivity[]> {
    for (let cursor = 0; ; ) {
      const page = await this.prisma.activity.findMany({
        where: { id: { gt: cursor } },
        orderBy: { id: 'asc' },
        take: pageSize,
        select: {
          id: true,
          externalId: true,
          date: true,
          headcountAnonymous: true,
          residentInitiative: true,
          importBatchId: true,
          sourceRow: true,
          community: { select: { code: true } },
          type: { select: { code: true } },
        },
      });
      if (page.length === 0) return;
      cursor = page[page.length - 1]!.id;
      yield page.map((a) => ({
        id: a.id,
        externalId: a.externalId,
        date: a.date,
        community: a.community.code,
        typeCode: a.type.code,
        headcountAnonymous: a.headcountAnonymous,
        residentInitiative: a.residentInitiative,
        importBatchId: a.importBatchId,
        sourceRow: a.sourceRow,
      }));
    }
  }

  async *attendances(): AsyncGenerator<SourceAttendance[]> {
    for (let cursor = 0; ; ) {
      const page = await this.prisma.attendance.findMany({
        where: { id: { gt: cursor } },
        orderBy: { id: 'asc' },
        take: pageSize,
        select: { id: true, activityId: true, participant: { select: { code: true } } },
      });
      if (page.length === 0) return;
      cursor = page[page.length - 1]!.id;
      yield page.map((a) => ({ activityId: a.activityId, participantCode: a.participant.code }));
    }
  }

  async *surveyAnswers(): AsyncGenerator<SourceSurveyAnswer[]> {
    for (let cursor = 0; ; ) {
      const page = await this.prisma.surveyAnswer.findMany({
        where: { id: { gt: cursor }, valueNumber: { not: null } },
        orderBy: { id: 'asc' },
        take: pageSize,
        select: {
          id: true,
          valueNumber: true,
          question: { select: { code: true } },
          response: { select: { id: true, date: true, survey: { select: { code: true } }, community: { select: { code: true } } } },
        },
      });
      if (page.length === 0) return;
      cursor = page[page.length - 1]!.id;
      yield page.map((a) => ({
        responseId: a.response.id,
        surveyCode: a.response.survey.code,
        questionCode: a.question.code,
        date: a.response.date,
        community: a.response.community.code,
        valueNumber: a.valueNumber!,
      }));
    }
  }
}
