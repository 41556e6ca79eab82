import type { Locator } from 'playwright-core'

/**
 * What office suites put on the clipboard, for tests that paste into the 正文 editor as Ctrl+V does: the HTML of
 * Word (Windows) and WPS Writer, with their own markup (mso-list paragraphs, styled spans, MsoTableGrid).
 */

/** Word's clipboard envelope around a fragment. */
export function wordClipboard(fragment: string): string {
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15"></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment-->${fragment}<!--EndFragment-->
</body></html>`
}

/** A two-row table as Word writes it: 救助类别 | 标准（元/月） / 城市低保 | 1140. */
export const wordTable = `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
 <tr style='mso-yfti-irow:0'>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b><span>救助类别</span></b></p></td>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b><span>标准（元/月）</span></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><span>城市低保</span></p></td>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-US>1140</span></p></td>
 </tr>
</table>`

/** Word: a heading, bold, a numbered list as mso-list paragraphs, the table. */
export const wordHtml = wordClipboard(`
<h1><span lang=EN-US>一、补助标准</span></h1>
<p class=MsoNormal><b><span style='font-family:宋体'>各镇街须按下表执行。</span></b><span>其他事项另行通知。</span></p>
<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>申请人提交申请材料</span></p>
<p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>街道办事处审核</span></p>
${wordTable}
`)

/** Word: a bold paragraph and the table. */
export const wordTableHtml = wordClipboard(`
<p class=MsoNormal><b><span style='font-family:宋体'>各镇街须按下表执行。</span></b></p>
${wordTable}
`)

/** What WPS Writer puts on the clipboard: bold as a styled span, a bulleted list, a table with a header row. */
export const wpsHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name="ProgId" content="Word.Document"><meta name="Generator" content="WPS Office WWO_wpscloud_20240515"></head>
<body>
<!--StartFragment-->
<h2><span style="font-family:黑体;">二、办理时限</span></h2>
<p class="MsoNormal"><span style="font-family:仿宋;font-weight:bold;">自受理之日起十个工作日内办结。</span></p>
<p class="MsoListParagraph" style="margin-left:21pt;text-indent:-21pt;mso-list:l1 level1 lfo2;"><span style="font-family:Wingdings;mso-list:Ignore;">l&nbsp;</span><span>材料齐全的当场受理</span></p>
<p class="MsoListParagraph" style="margin-left:21pt;text-indent:-21pt;mso-list:l1 level1 lfo2;"><span style="font-family:Wingdings;mso-list:Ignore;">l&nbsp;</span><span>材料不全的一次性告知</span></p>
<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none;">
<tbody><tr><td width="284" style="border:1pt solid windowtext;"><p class="MsoNormal"><span style="font-weight:bold;">环节</span></p></td><td width="284" style="border:1pt solid windowtext;"><p class="MsoNormal"><span style="font-weight:bold;">时限</span></p></td></tr>
<tr><td width="284" style="border:1pt solid windowtext;"><p class="MsoNormal"><span>受理</span></p></td><td width="284" style="border:1pt solid windowtext;"><p class="MsoNormal"><span>当日</span></p></td></tr></tbody>
</table>
<!--EndFragment-->
</body></html>`

/** Pastes `html` (and its plain-text flavour) into the editor where the caret is, as the browser does for Ctrl+V. */
export async function paste(editor: Locator, html: string, text: string): Promise<void> {
  await editor.evaluate(
    (element, clipboard) => {
      const data = new DataTransfer()
      data.setData('text/html', clipboard.html)
      data.setData('text/plain', clipboard.text)
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    },
    { html, text },
  )
}
