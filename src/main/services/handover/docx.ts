import type { HandoverDto } from '@shared/handover/contract'
import { HANDOVER_STATUS_LABELS } from '@shared/handover/contract'
import { formatDateTime } from '@shared/time/site-time'

const mm = (v: number) => Math.round(v * 56.7)
const SONG = '宋体'
const FANG = '仿宋'

/**
 * 交接班记录 as .docx, editable afterwards in Word/WPS: A4 with the GB/T 9704
 * margins, a centred 宋体 title, ruled tables that repeat their header row,
 * names and times with lines to sign on by hand, and the audit anchor. docx is loaded on demand.
 */
export async function handoverDocx(
  h: HandoverDto,
  siteName: string,
  printedOn: string,
  headCode = '',
): Promise<Buffer> {
  const d = await import('docx')
  const run = (text: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
    new d.TextRun({ text, bold: opts.bold, size: opts.size ?? 24, font: opts.font ?? SONG })
  const para = (
    text: string,
    opts: { bold?: boolean; size?: number; align?: 'center' | 'right'; font?: string } = {},
  ) =>
    new d.Paragraph({
      alignment:
        opts.align === 'center'
          ? d.AlignmentType.CENTER
          : opts.align === 'right'
            ? d.AlignmentType.RIGHT
            : d.AlignmentType.LEFT,
      spacing: { after: 80 },
      children: text
        .split('\n')
        .map((line, i) =>
          i === 0
            ? run(line, opts)
            : new d.TextRun({ text: line, break: 1, size: opts.size ?? 24, font: opts.font ?? SONG }),
        ),
    })
  // The text block is 156 mm wide (GB/T 9704); column widths are given in twips so Word, WPS and LibreOffice agree.
  const TEXT_WIDTH = mm(156)
  const cell = (text: string, opts: { bold?: boolean; width?: number } = {}) =>
    new d.TableCell({
      width: opts.width ? { size: opts.width, type: d.WidthType.DXA } : undefined,
      children: [para(text || '—', { bold: opts.bold, size: 21 })],
    })
  const table = (rows: string[][], header = false, percents?: number[]) => {
    const widths = (percents ?? rows[0]!.map(() => 100 / rows[0]!.length)).map((p) =>
      Math.round((TEXT_WIDTH * p) / 100),
    )
    return new d.Table({
      width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
      columnWidths: widths,
      layout: d.TableLayoutType.FIXED,
      rows: rows.map(
        (r, i) =>
          new d.TableRow({
            tableHeader: header && i === 0,
            cantSplit: true,
            children: r.map((c, j) => cell(c, { bold: header && i === 0, width: widths[j] })),
          }),
      ),
    })
  }
  /** A line to sign on by hand: underlined full-width spaces. */
  const signLine = () => new d.TextRun({ text: '\u3000'.repeat(8), underline: {}, size: 24, font: SONG })
  const signature = (role: string, name: string, at: string | null, fallback: string) =>
    new d.Paragraph({
      keepNext: true,
      keepLines: true,
      spacing: { before: 160, after: 40 },
      children: [
        run(
          `${role}：${name}\u3000${role === '交班人' ? '提交' : '接班'}时间：${formatDateTime(at) || fallback}\u3000签字：`,
        ),
        signLine(),
      ],
    })
  const heading = (text: string) =>
    new d.Paragraph({
      spacing: { before: 200, after: 80 },
      keepNext: true,
      children: [run(text, { bold: true, size: 28, font: '黑体' })],
    })

  const doc = new d.Document({
    creator: siteName,
    title: `交接班记录 ${h.shiftLabel}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.CENTER,
                children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], size: 28, font: SONG })],
              }),
            ],
          }),
        },
        children: [
          para('交接班记录', { bold: true, size: 44, align: 'center' }),
          para(`${siteName}\u3000${h.shiftLabel}\u3000（${HANDOVER_STATUS_LABELS[h.status]}）`, { align: 'center' }),
          table([
            ['交班人', h.outgoingName, '接班人', h.incomingName ?? '—'],
            ['提交时间', formatDateTime(h.submittedAt), '接班时间', formatDateTime(h.acceptedAt)],
          ]),
          heading('一、移交事项'),
          table(
            [
              ['类别', '事项', '情况', '时限', '交接说明'],
              ...h.items.map((i) => [
                i.kind === 'fault' ? `故障 ${i.severity ?? ''}` : i.kind === 'notification' ? '本班提醒' : '运维记录',
                i.title,
                i.detail,
                i.clocks.join('\n'),
                i.remark,
              ]),
            ],
            true,
            [14, 30, 22, 19, 15],
          ),
          heading('二、本班情况'),
          para(h.summary || '无', { font: FANG, size: 24 }),
          heading('三、注意事项'),
          para(h.cautions || '无', { font: FANG, size: 24 }),
          heading('四、待办'),
          para(h.todo || '无', { font: FANG, size: 24 }),
          heading('五、物品交接'),
          para(h.checklist.map((c) => `${c.item}（${c.handed ? '已交' : '未交'}）`).join('\u3000') || '无', {
            font: FANG,
            size: 24,
          }),
          ...(h.incomingRemarks ? [heading('六、接班意见'), para(h.incomingRemarks, { font: FANG, size: 24 })] : []),
          ...(h.addenda.length
            ? [
                heading('补充说明'),
                ...h.addenda.map((a) =>
                  para(`${formatDateTime(a.at)} ${a.byName}：${a.text}`, { font: FANG, size: 24 }),
                ),
              ]
            : []),
          signature('交班人', h.outgoingName, h.submittedAt, '未提交'),
          signature('接班人', h.incomingName ?? '—', h.acceptedAt, '未接班'),
          new d.Paragraph({
            keepNext: true,
            spacing: { before: 80, after: 40 },
            children: [
              run(
                h.anchorSeq ? `完整性锚点：审计日志第 ${h.anchorSeq} 条，SHA-256 ${h.anchorHash}` : '尚未接班，未锁定',
                {
                  size: 18,
                },
              ),
            ],
          }),
          ...(headCode ? [para(`审计核对码：${headCode}（在“审计日志 → 核对纸质记录”中核对）`, { size: 18 })] : []),
          para(`打印日期：${printedOn}`, { align: 'right', size: 21 }),
        ],
      },
    ],
  })
  return Buffer.from(await d.Packer.toBuffer(doc))
}
