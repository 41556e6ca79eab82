import type { Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { gongkaiPlugin } from '../src/index.js'

const deliveryStatus = '@gongkai/payload-plugin/client#DeliveryStatus'
const controlsOf = (config: Config, slug: string) =>
  (config.collections?.find((collection) => collection.slug === slug)?.admin?.components?.edit?.beforeDocumentControls ?? []).map((component) =>
    typeof component === 'string' ? component : component ? component.path : undefined,
  )

describe('the delivery status in the edit view', () => {
  // The import map is generated at build time (`payload generate:importmap`), usually without the delivery
  // environment; a component left out then never renders in a server started with delivery on.
  it('is part of the admin whether delivery is configured or not, so the import map always has it', () => {
    const base = { collections: [], secret: 'test' } as unknown as Config
    const withoutDelivery = gongkaiPlugin({})(base)
    const withDelivery = gongkaiPlugin({ delivery: { library: { url: 'http://127.0.0.1:9', tokens: { x: 'y' } }, publicUrl: 'http://127.0.0.1:3000' } })(base)
    for (const config of [withoutDelivery, withDelivery]) {
      expect(controlsOf(config, 'policies')).toContain(deliveryStatus)
      expect(controlsOf(config, 'interpretations')).toContain(deliveryStatus)
    }
  })
})
