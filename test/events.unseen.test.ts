import { describe, expect, it } from 'vitest';
import { code } from './helpers.js';

/** CAMEO-style sentences written for Entente, never used to tune rules when they were written: a check on generality. */
const TABLE: [string, string, string, string][] = [
  ["Egypt's foreign minister arrived in Damascus for talks with Syrian leaders.", 'CONSULT', 'EGY', 'SYR'],
  ["The president of Mali praised Senegal's role in the peace process.", 'SUPPORT', 'MLI', 'SEN'],
  ["Japan granted $20 million in emergency aid to Bangladesh.", 'AID', 'JPN', 'BGD'],
  ["The Indian army killed five militants in Kashmir.", 'ASSAULT', 'IND', '*'],
  ["Thai police arrested 30 demonstrators in Bangkok.", 'COERCE', 'THA', '*'],
  ["Kenya appealed to international donors for food aid.", 'REQUEST', 'KEN', '*'],
  ["Iran denied reports that it had sent troops to Syria.", 'REJECT', 'IRN', '*'],
  ["Turkey recalled its ambassador from Israel.", 'SANCTION', 'TUR', 'ISR'],
  ["Rebels released 12 hostages in northern Mali on Sunday.", 'RETREAT', '*', '*'],
  ["China and Vietnam signed a trade agreement in Beijing.", 'AGREE', 'CHN', 'VNM'],
  ["Nigeria deployed troops to the border with Cameroon.", 'MOBILIZE', 'NGA', 'CMR'],
  ["Nigerian workers went on strike in Lagos to protest fuel prices.", 'PROTEST', 'NGA', '*'],
  ["Ethiopia accused Eritrea of backing rebels in the south.", 'ACCUSE', 'ETH', 'ERI'],
  ["Russia vetoed the U.N. resolution on Syria.", 'REJECT', 'RUS', 'UNO'],
  ["Indonesia released the detained Australian journalists.", 'RETREAT', 'IDN', 'AUS'],
  ["Brazil offered to mediate between Venezuela and Colombia.", 'AGREE', 'BRA', 'VEN'],
  ["Canada condemned the military coup in Myanmar.", 'ACCUSE', 'CAN', 'MMR'],
  ["France pledged 500 million euros for the reconstruction of Lebanon.", 'AGREE', 'FRA', 'LBN'],
  ["Chinese and Russian navies held joint exercises in the Sea of Japan.", 'COOPERATE', 'CHN', 'RUS'],
  ["South Africa expelled a Zimbabwean diplomat on Tuesday.", 'SANCTION', 'ZAF', 'ZWE'],
  ["Kenyan police fired tear gas at protesters in Nairobi.", 'ASSAULT', 'KEN', '*'],
  ["Pakistan called on India to resume the stalled peace talks.", 'REQUEST', 'PAK', 'IND'],
  ["Germany froze arms exports to Saudi Arabia.", 'SANCTION', 'DEU', 'SAU'],
  ["North Korea warned South Korea of \"merciless\" retaliation.", 'THREATEN', 'PRK', 'KOR'],
  ["U.S. Secretary of State met his Chinese counterpart in Geneva.", 'CONSULT', 'USA', 'CHN'],
  ["The United States sent Patriot missiles to Ukraine.", 'AID', 'USA', 'UKR'],
  ["Israel rejected a ceasefire proposal from Egypt.", 'REJECT', 'ISR', '*'],
  ["Sudan's government released political prisoners and lifted press restrictions.", 'CONCEDE', 'SDN', '*'],
  ["Russian missiles struck Kyiv overnight, killing three civilians.", 'ASSAULT', 'RUS', 'UKR'],
  ["The U.N. Security Council urged Syria to allow aid convoys into Aleppo.", 'REQUEST', 'UNO', 'SYR'],
  ["France recognized the new government in Libya.", 'SUPPORT', 'FRA', '*'],
  ["Iranian authorities detained a British-Iranian aid worker.", 'COERCE', 'IRN', '*'],
  ["The United States imposed no new measures but criticized Russia's conduct.", 'ACCUSE', 'USA', 'RUS'],
  ["China threatened to retaliate against new U.S. tariffs.", 'THREATEN', 'CHN', 'USA'],
  ["Iran test-fired a ballistic missile on Saturday.", 'MOBILIZE', 'IRN', '*'],
  ["Armenia and Azerbaijan agreed on a ceasefire in Nagorno-Karabakh.", 'AGREE', 'ARM', 'AZE'],
  ["Russian troops withdrew from Kherson on Friday.", 'RETREAT', 'RUS', '*'],
  ["Ukraine blamed Russia for the attack on the dam.", 'ACCUSE', 'UKR', 'RUS'],
  ["The European Union imposed new sanctions on Russia.", 'SANCTION', 'EUR', 'RUS'],
  ["Israel and the United Arab Emirates established diplomatic relations.", 'SUPPORT', 'ISR', 'ARE'],
];

describe('events: unseen news sentences', () => {
  it.each(TABLE)('%s → %s %s -> %s', (text, type, actor, recipient) => {
    const hit = code(text, '2020-01-01').find((r) => r.event === type
      && (actor === '*' || r.actor.some((a) => a.code === actor))
      && (recipient === '*' || [...r.actor, ...r.recipient].some((a) => a.code === recipient)));
    expect(hit).toBeDefined();
  });
});
