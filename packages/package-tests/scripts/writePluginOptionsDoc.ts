import { readFileSync, writeFileSync } from 'node:fs'

import { docPath, renderPluginOptionsDoc } from './pluginOptionsDoc'

writeFileSync(docPath, renderPluginOptionsDoc(readFileSync(docPath, 'utf8')))
