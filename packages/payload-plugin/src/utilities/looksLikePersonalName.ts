// The most common Chinese surnames (together well over 90% of the population) and the compound ones
// still in use. A display name made of a surname and one to two more characters, with no honorific,
// role or placeholder, is most likely someone's real name (民法典 art. 1034 personal information).
const singleSurnames = new Set(
  [
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程魏苏吕丁任沈姚卢',
    '姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施',
    '文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷',
    '盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷',
    '晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  ].join(''),
)
const compoundSurnames = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '尉迟', '夏侯', '长孙', '宇文', '公孙', '端木', '澹台', '司徒', '西门', '南宫']

// Words that make a display name a role or an anonymised form (张先生, 王某, 居民代表甲) rather than a name.
const anonymisingMarks = [
  '先生', '女士', '同志', '老师', '师傅', '阿姨', '大爷', '某', '代表', '居民', '村民', '市民', '群众', '委员', '专家', '学者',
  '教授', '律师', '记者', '企业', '公司', '协会', '学会', '社区', '街道', '匿名', '网友', '甲', '乙', '丙', '丁', '戊',
  '家长', '学生', '职工', '员工', '店主', '业主', '经理', '主任', '局长', '医生', '护士', '总', '工',
]

const hanOnly = /^\p{Script=Han}+$/u

/**
 * True when `displayName` looks like a real full personal name (e.g. 张伟, 欧阳娜娜) rather than an
 * anonymised form (张先生, 王某, 居民代表甲). A heuristic: a surname plus one or two characters,
 * Han characters only, without any honorific, role or placeholder.
 */
export function looksLikePersonalName(displayName: string): boolean {
  const name = displayName.replace(/\s+/g, '')
  if (!hanOnly.test(name)) return false
  if (anonymisingMarks.some((mark) => name.includes(mark))) return false
  const compound = compoundSurnames.find((surname) => name.startsWith(surname))
  if (compound) return name.length >= compound.length + 1 && name.length <= compound.length + 2
  const first = name.charAt(0)
  return singleSurnames.has(first) && name.length >= 2 && name.length <= 3
}
