// The score book template of a grade: point groups, each point with its key, batch (TX thường
// xuyên, GHK giữa kỳ, CHK cuối kỳ), display name, weight and type. The template lists the most
// TX points a subject may have; a subject's own count (txCount) says how many the book shows.

export type Batch = 'TX' | 'GHK' | 'CHK';
export type PointType = 'score' | 'average' | 'comment';

export interface TemplatePoint {
  pointKey: string;
  batch: Batch;
  pointName: string;
  weight: number;
  type: PointType;
  /** Comments only: the longest text the server takes. */
  maxLength?: number;
}

export interface PointGroup {
  groupKey: string;
  groupName: string;
  points: TemplatePoint[];
}

export interface MarkTemplate {
  templateId: string;
  grade: number;
  groups: PointGroup[];
}

export const MAX_TX = 5;
export const COMMENT_MAX_LENGTH = 500;
export const AVERAGE_KEY = 'DTBMHK';

export function markTemplate(grade: number): MarkTemplate {
  const tx = Array.from({ length: MAX_TX }, (_, i) => ({
    pointKey: `TX${i + 1}`,
    batch: 'TX' as const,
    pointName: `TX${i + 1}`,
    weight: 1,
    type: 'score' as const,
  }));
  return {
    templateId: `THCS-TT22-K${grade}`,
    grade,
    groups: [
      { groupKey: 'TX', groupName: 'Thường xuyên', points: tx },
      {
        groupKey: 'GK',
        groupName: 'Giữa kỳ',
        points: [{ pointKey: 'GK', batch: 'GHK', pointName: 'GK', weight: 2, type: 'score' }],
      },
      {
        groupKey: 'CK',
        groupName: 'Cuối kỳ',
        points: [{ pointKey: 'CK', batch: 'CHK', pointName: 'CK', weight: 3, type: 'score' }],
      },
      {
        groupKey: 'TB',
        groupName: 'ĐTBmhk',
        points: [{ pointKey: AVERAGE_KEY, batch: 'CHK', pointName: 'ĐTBmhk', weight: 0, type: 'average' }],
      },
      {
        groupKey: 'NX',
        groupName: 'Nhận xét',
        points: [
          {
            pointKey: 'NX',
            batch: 'CHK',
            pointName: 'Nhận xét',
            weight: 0,
            type: 'comment',
            maxLength: COMMENT_MAX_LENGTH,
          },
        ],
      },
    ],
  };
}

/** The points a subject's book shows: the first txCount TX points, then every other point. */
export function bookPoints(template: MarkTemplate, txCount: number): TemplatePoint[] {
  const points = template.groups.flatMap((group) => group.points);
  const tx = points.filter((point) => point.batch === 'TX').slice(0, txCount);
  return [...tx, ...points.filter((point) => point.batch !== 'TX')];
}
