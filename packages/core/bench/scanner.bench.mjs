// Measures the sensitive-content scanner on a realistic policy document and prints ratios against
// a baseline measured in the same run: one pass of /\d+/g over the same text (the least any digit
// scanner has to do). Run with `pnpm --filter @gongkai/core bench` (it builds first).
import { maskRichText, maskText, scanRichText, scanText } from '../dist/index.js'

const paragraph =
  '为深入贯彻落实《国务院办公厅关于全面推进政务公开工作的意见》（国办发〔2016〕8号），进一步做好2022年政务公开工作，' +
  '现将有关事项通知如下。索引号：000014349/2022-00222，发布日期2022-06-30。联系人：张三，电话022-12345678，' +
  '手机138 1234 5678，邮箱zhangsan@example.com，详见https://www.gov.cn/zhengce/content/2022-06/30/content_5698.htm。\n'
const sensitive = '身份证号11010519491231002X，银行卡4111 1111 1111 1111。\n'

function documentOf(targetLength) {
  let text = ''
  for (let index = 0; text.length < targetLength; index++) text += index % 10 === 0 ? paragraph + sensitive : paragraph
  return text
}

function measure(run, minimumMs = 400) {
  for (let index = 0; index < 3; index++) run() // warm up the JIT
  let iterations = 0
  const start = performance.now()
  while (performance.now() - start < minimumMs) {
    run()
    iterations++
  }
  return (performance.now() - start) / iterations
}

const text = documentOf(200_000)
const editorState = {
  root: {
    type: 'root',
    children: text.split('\n').map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] })),
  },
}
const findings = scanText(text)
const baselineMs = measure(() => text.match(/\d+/gu)?.length)
// Hostile input of the same length as the document: it must cost about what ordinary text costs.
const blanksAfterMark = `密级${' '.repeat(text.length - 2)}`
let deepNode = { type: 'paragraph', children: [{ type: 'text', text: '身份证号11010519491231002X' }] }
for (let level = 0; level < 100_000; level++) deepNode = { type: 'list', children: [deepNode] }
const deepState = { root: { type: 'root', children: [deepNode] } }
const rows = [
  ['baseline /\\d+/g', baselineMs],
  ['scanText', measure(() => scanText(text))],
  ['maskText', measure(() => maskText(text))],
  ['scanRichText', measure(() => scanRichText(editorState))],
  ['maskRichText', measure(() => maskRichText(editorState))],
  ['scanText 密级+blanks', measure(() => scanText(blanksAfterMark))],
  ['scanRichText 100k deep', measure(() => scanRichText(deepState))],
]

console.log(`document: ${text.length.toLocaleString('en')} characters, ${findings.length} findings`)
for (const [name, ms] of rows) {
  const megaCharsPerSecond = text.length / 1e6 / (ms / 1000)
  console.log(
    `${name.padEnd(22)} ${ms.toFixed(2).padStart(8)} ms  ${megaCharsPerSecond.toFixed(1).padStart(6)} M chars/s  ×${(ms / baselineMs).toFixed(1)} baseline`,
  )
}
