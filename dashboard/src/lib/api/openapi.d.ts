// Generated from the API's OpenAPI document (GET /api/docs-json) by `npm run api:generate`. Do not edit:
// the shapes are written in each route's contract, backend/src/controllers/<name>.contract.ts.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_config"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators/{code}/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["IndicatorsController_updateTargets"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["IndicatorsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators/{code}/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["IndicatorsController_sources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MetricsController_query"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/communities/{code}/participation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CommunitiesController_participation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/communities/{code}/participants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CommunitiesController_participantList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ActivitiesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_list"];
        put?: never;
        post: operations["ImportsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipeline/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PipelineController_list"];
        put?: never;
        post: operations["PipelineController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AlertsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_list"];
        put?: never;
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["UsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExportsController_indicators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/indicators/{code}/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExportsController_sources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/summary.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActivityItem: {
            externalId: string;
            date: string;
            community: string;
            type: string;
            title: string;
            residentInitiative: boolean;
            namedAttendances: number | null;
            anonymousAttendances: number | null;
            attendances: number | null;
            source: {
                batchId: number;
                file: string;
                importedBy: string;
                importedAt: string;
                row: number;
            };
            attendanceLists: {
                batchId: number;
                file: string;
                importedBy: string;
                importedAt: string;
                attendances: number | null;
            }[];
            /** @description Fields hidden by small-count suppression (their values are null; shown as "<3"); the auditor’s view only. */
            suppressed?: string[];
        };
        ActivityList: {
            activities: components["schemas"]["ActivityItem"][];
            truncated: boolean;
            limit: number;
        };
        AuditEvent: {
            id: number;
            at: string;
            actor: string;
            action: string;
            entity: string;
            entityId: string | null;
            before: unknown;
            after: unknown;
            address: string | null;
        };
        AuditPage: {
            total: number;
            events: components["schemas"]["AuditEvent"][];
        };
        BatchRef: {
            batchId: number;
            file: string;
            importedBy: string;
            importedAt: string;
        };
        CommunityParticipation: {
            community: {
                code: string;
                name: string;
            };
            /** @enum {string} */
            grain: "month";
            periods: components["schemas"]["ParticipationPeriod"][];
            targetPath: {
                period: string;
                expected: number | null;
            }[];
            target: {
                indicator: string;
                baseline: number | null;
                targets: {
                    [key: string]: number;
                };
            } | null;
        };
        ConfigResponse: {
            project: {
                name: string;
                centre: string;
                periodStart: string;
                periodEnd: string;
                timeZone: string;
                statusThresholds: {
                    onTrack: number;
                    atRisk: number;
                };
            };
            years: number[];
            communities: {
                code: string;
                name: string;
                /** @enum {string} */
                kind: "territorial" | "categorical";
            }[];
            activityTypes: {
                code: string;
                namePl: string;
                nameEn: string;
                /** @enum {string} */
                group: "animation" | "education" | "action";
            }[];
            indicators: {
                code: string;
                namePl: string;
                nameEn: string;
                /** @enum {string} */
                kind: "output" | "result";
                /** @enum {string} */
                unit: "persons" | "activities" | "percent";
                cumulative: boolean;
            }[];
        };
        DeclineAlert: {
            id: number;
            community: string;
            group: string | null;
            /** @enum {string} */
            measure: "attendances" | "distinctParticipants";
            since: string;
            lastWeek: string;
            /** @enum {string} */
            status: "active" | "ended";
            drop: number;
            observed: number | null;
            expected: number | null;
            sentencePl: string;
            sentenceEn: string;
        };
        Error: {
            statusCode: number;
            /** @description invalid, unauthenticated, forbidden, not_found, conflict, too_many, unavailable or internal */
            kind: string;
            /** @description the message key in backend/src/lib/messages.ts */
            key: string;
            code: string;
            /** @description in the request's language */
            message: string;
            issues?: {
                path: string[];
                code: string;
                message: string;
            }[];
            retryAfterSeconds?: number;
        };
        FileImportReport: {
            file: string;
            kind: string | null;
            /** @enum {string} */
            status: "imported" | "rejected" | "unchanged";
            rows: number;
            created: number;
            updated: number;
            unchanged: number;
            batchId: number | null;
            errors: components["schemas"]["ImportIssue"][];
            warnings: components["schemas"]["ImportIssue"][];
        };
        HealthResponse: {
            /** @enum {string} */
            status: "ok" | "degraded";
            analytics: {
                available: boolean;
                reason: string | null;
            };
            dataAsOf: string | null;
            analyticsVersion: number | null;
            lastRun: {
                id: number;
                status: string;
                trigger: string;
                startedAt: string;
                finishedAt: string | null;
            } | null;
            demo: boolean;
        };
        ImportBatchItem: {
            id: number;
            file: string;
            kind: string;
            sha256: string;
            status: string;
            source: string;
            importedBy: string;
            at: string;
            rowsRead: number;
            rowsWritten: number;
            errorCount: number;
            warningCount: number;
            report: unknown;
        };
        ImportIssue: {
            row: number | null;
            column: string | null;
            value: string | null;
            code: string;
            message: string;
        };
        ImportJob: {
            id: string;
            /** @enum {string} */
            status: "running" | "finished" | "failed";
            startedAt: string;
            finishedAt: string | null;
            progress: {
                file: string;
                fileIndex: number;
                fileCount: number;
                phase: string;
                rowsDone: number;
                rowsTotal: number;
            } | null;
            files: components["schemas"]["FileImportReport"][] | null;
            error: string | null;
        };
        IndicatorSources: {
            indicator: {
                code: string;
                namePl: string;
                nameEn: string;
                computation: string;
            };
            community: string;
            year: number;
            window: {
                from: string;
                to: string;
            } | null;
            selection: {
                types: string[] | null;
                residentInitiative: boolean | null;
            };
            activities: components["schemas"]["ActivityItem"][];
            truncated: boolean;
        };
        IndicatorValue: {
            code: string;
            community: string;
            year: number;
            value: number | null;
            target: number | null;
            baseline: number | null;
            expected: number | null;
            achievement: number | null;
            /** @description null where the value is suppressed (the auditor’s view, exports) */
            status: ("on_track" | "at_risk" | "behind" | "no_data" | "no_target" | "not_started") | null;
            /** @enum {string} */
            unit: "persons" | "activities" | "percent";
            /** @description Fields hidden by small-count suppression (their values are null; shown as "<3"); the auditor’s view only. */
            suppressed?: string[];
        };
        MetricsResult: {
            query: {
                [key: string]: unknown;
            };
            columns: string[];
            rows: {
                [key: string]: string | number | null | string[];
            }[];
            analyticsVersion: number | null;
            dataAsOf: string | null;
        };
        /** @description Register details (home community, gender, birth year, joining, leader) are null and names absent unless the viewer is the director or an organizer of the person’s home community. */
        ParticipantItem: {
            code: string;
            /** @description registered in another community than the list’s */
            fromOtherCommunity: boolean;
            homeCommunity: string | null;
            gender: string | null;
            birthYear: number | null;
            joinedOn: string | null;
            leader: boolean | null;
            firstName?: string | null;
            lastName?: string | null;
            attendances: number;
            firstAttended: string | null;
            lastAttended: string | null;
            daysAway: number | null;
            lapsed: boolean;
        };
        ParticipantList: {
            community: string;
            names: boolean;
            lapsedAfterDays: number;
            participants: components["schemas"]["ParticipantItem"][];
        };
        ParticipationPeriod: {
            period: string;
            activities: number;
            attendances: number | null;
            namedAttendances: number | null;
            anonymousAttendances: number | null;
            distinctParticipants: number | null;
            newParticipants: number | null;
            returningParticipants: number | null;
            cumulativeParticipants: number | null;
            turnout: number | null;
            /** @description Fields hidden by small-count suppression (their values are null; shown as "<3"); the auditor’s view only. */
            suppressed?: string[];
        };
        PipelineRunItem: {
            id: number;
            trigger: string;
            mode: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed" | "skipped";
            startedAt: string;
            finishedAt: string | null;
            steps: {
                name: string;
                rowsRead?: number;
                rowsWritten?: number;
                ms?: number;
                running?: boolean;
            }[] | null;
            error: string | null;
            note: string | null;
        };
        SessionResponse: {
            user: components["schemas"]["SessionUser"] | null;
            csrfToken: string | null;
            expiresAt: string | null;
            demo: boolean;
        };
        SessionUser: {
            id: number;
            email: string;
            displayName: string;
            /** @enum {string} */
            role: "director" | "organizer" | "auditor" | "admin";
            communities: string[];
            disabled: boolean;
            mustChangePassword: boolean;
            lastSignInAt: string | null;
            createdAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
        };
    };
    HealthController_config: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigResponse"];
                };
            };
        };
    };
    AuthController_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
        };
    };
    AuthController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["SessionUser"];
                        csrfToken: string;
                        expiresAt: string;
                    };
                };
            };
        };
    };
    AuthController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    /** @description at least the configured length; not the e-mail */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description OK */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IndicatorsController_updateTargets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description an indicator code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description by scope (ALL or a community code) */
                    baseline?: {
                        [key: string]: number;
                    };
                    /** @description by scope, then by project year */
                    targets?: {
                        [key: string]: {
                            [key: string]: number;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        indicator: {
                            [key: string]: unknown;
                        };
                        pipelineRunId: number | null;
                    };
                };
            };
        };
    };
    IndicatorsController_list: {
        parameters: {
            query?: {
                /** @description a project year or "to-date" */
                year?: string;
                /** @description ALL or a community code */
                community?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorValue"][];
                };
            };
        };
    };
    IndicatorsController_sources: {
        parameters: {
            query?: {
                /** @description a project year or "to-date" */
                year?: string;
                /** @description ALL or a community code */
                community?: string;
            };
            header?: never;
            path: {
                /** @description an indicator code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorSources"];
                };
            };
        };
    };
    MetricsController_query: {
        parameters: {
            query?: {
                /** @description comma-separated: activities, attendances, namedAttendances, anonymousAttendances, distinctParticipants, newParticipants, returningParticipants, turnout */
                measures?: string;
                /** @description week, month (default), quarter or year */
                grain?: string;
                /** @description comma-separated: community, group or type */
                dimensions?: string;
                /** @description YYYY-MM-DD */
                from?: string;
                /** @description YYYY-MM-DD */
                to?: string;
                /** @description comma-separated community codes, or ALL */
                communities?: string;
                /** @description comma-separated: animation, education, action */
                groups?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetricsResult"];
                    "application/vnd.apache.arrow.stream": Blob;
                };
            };
        };
    };
    CommunitiesController_participation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a community code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityParticipation"];
                };
            };
        };
    };
    CommunitiesController_participantList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a community code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParticipantList"];
                };
            };
        };
    };
    ActivitiesController_list: {
        parameters: {
            query?: {
                /** @description a community code */
                community?: string;
                /** @description YYYY-MM-DD */
                from?: string;
                /** @description YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityList"];
                };
            };
        };
    };
    ImportsController_list: {
        parameters: {
            query?: {
                /** @description rows, at most 200 (default 50) */
                limit?: string;
                /** @description the last id of the previous page */
                before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportBatchItem"][];
                };
            };
        };
    };
    ImportsController_upload: {
        parameters: {
            query?: {
                /** @description "true": answer at once with a job to poll */
                async?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description the files to import */
                    files: Blob[];
                    /**
                     * @description the language of the report
                     * @enum {string}
                     */
                    lang?: "pl" | "en";
                    /**
                     * @description what the files hold, when their names and headers do not say
                     * @enum {string}
                     */
                    kind?: "activities" | "attendance" | "participants" | "survey";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: components["schemas"]["FileImportReport"][];
                    } | components["schemas"]["ImportJob"];
                };
            };
        };
    };
    ImportsController_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the job id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
        };
    };
    ImportsController_template: {
        parameters: {
            query?: {
                /** @description a survey code (kind survey) */
                survey?: string;
            };
            header?: never;
            path: {
                /** @description one of activities, attendance, participants, survey */
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
        };
    };
    PipelineController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineRunItem"][];
                };
            };
        };
    };
    PipelineController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    mode?: ("incremental" | "full") | null;
                };
            };
        };
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        status: string;
                        mode: string;
                    };
                };
            };
        };
    };
    AlertsController_list: {
        parameters: {
            query?: {
                /** @description active (default), ended or all */
                status?: "active" | "ended" | "all";
                /** @description a community code */
                community?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeclineAlert"][];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionUser"][];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @enum {string} */
                    role: "director" | "organizer" | "auditor" | "admin";
                    displayName?: string;
                    communities?: string[];
                    /** @description absent: a one-time password is generated and returned */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["SessionUser"];
                        oneTimePassword: string | null;
                    };
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the account id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    /** @enum {string} */
                    role?: "director" | "organizer" | "auditor" | "admin";
                    communities?: string[];
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionUser"];
                };
            };
        };
    };
    UsersController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the account id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["SessionUser"];
                        oneTimePassword: string;
                    };
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD or date-time */
                from?: string;
                /** @description YYYY-MM-DD or date-time */
                to?: string;
                /** @description e-mail */
                actor?: string;
                /** @description e.g. import or import.imported */
                action?: string;
                /** @description e.g. activity */
                entity?: string;
                /** @description e.g. an activity id */
                entityId?: string;
                /** @description 1–1000 */
                limit?: string;
                /** @description number */
                offset?: string;
                /** @description json (default) or csv */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                    "text/csv": Blob;
                };
            };
        };
    };
    ExportsController_indicators: {
        parameters: {
            query?: {
                /** @description xlsx (default), csv or pdf */
                format?: "xlsx" | "csv" | "pdf";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                    "text/csv": Blob;
                    "application/pdf": Blob;
                };
            };
        };
    };
    ExportsController_sources: {
        parameters: {
            query?: {
                /** @description xlsx (default), csv or pdf */
                format?: "xlsx" | "csv" | "pdf";
                /** @description a project year */
                year?: string;
                /** @description ALL or a community code */
                community?: string;
            };
            header?: never;
            path: {
                /** @description an indicator code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                    "text/csv": Blob;
                    "application/pdf": Blob;
                };
            };
        };
    };
    ReportsController_summary: {
        parameters: {
            query?: {
                /** @description a project year */
                year?: string;
                /** @description pl (default) or en */
                lang?: "pl" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                };
            };
        };
    };
}
