"""Claim-cue constructions of real reporting that named the place yet made no claim (round 6):
each rule's cases are whole sentences in the project's own words, run through `extract`, so
what is tested is the cue AND its attachment to the place (and, where it matters, the side)."""

from __future__ import annotations

import pytest
from rule_cases import check_case, rules_with_one_text

# (rule id, text, claims expected, claims forbidden); a claim is (place, side or None, type)
CASES = [
    (
        "cue.strike.explosions-heard",
        "Loud explosions were heard late on Sunday evening in the cities of Dnipro and Poltava.",
        [("Dnipro", "third-party", "strike"), ("Poltava", "third-party", "strike")],
        [],
    ),
    (
        "cue.strike.explosions-heard",
        "Blasts rang out shortly after midnight over Zaporizhzhia, the regional governor said.",
        [("Zaporizhzhia", "ukraine", "strike")],
        [],
    ),
    (
        "cue.strike.hits-on",
        '"There are hits on the outskirts of Kramatorsk," the Ukrainian army said.',
        [("Kramatorsk", "ukraine", "strike")],
        [],
    ),
    (
        "cue.strike.hits-on",
        "Direct hits were recorded in Nikopol during the night, the regional governor said.",
        [("Nikopol", "ukraine", "strike")],
        [],
    ),
    (
        "cue.strike.firing-at",
        "Our gunners are firing artillery at Russian units massing near Svatove, "
        "a Ukrainian army spokesman said.",
        [("Svatove", "ukraine", "strike")],
        [],
    ),
    (
        "cue.strike.firing-at",
        "Russian tanks opened fire on Huliaipole, the Ukrainian military said.",
        [("Huliaipole", "ukraine", "strike")],
        [],
    ),
    (
        "cue.strike.shot-down-over",
        "Russia's Defence Ministry said 42 drones had been shot down during the night and on "
        "Monday morning over the Kursk region and Crimea.",
        [("Crimea", "russia", "strike")],
        [],
    ),
    (
        "cue.strike.shot-down-over",
        "Russia's Defence Ministry said eleven drones were destroyed on Tuesday over the "
        "Kursk region.",
        [("Kursk Oblast", "russia", "strike")],
        [],
    ),
    (
        "cue.advancing.encircled-in",
        "The Kremlin claimed that Ukrainian units had been encircled in two towns of the "
        "Donetsk and Kharkiv regions - Siversk and Kupiansk.",
        [("Siversk", "russia", "advancing"), ("Kupiansk", "russia", "advancing")],
        [("Donetsk Oblast", None, "advancing"), ("Kharkiv Oblast", None, "advancing")],
    ),
    (
        "cue.advancing.encircled-in",
        "Ukraine's General Staff said that none of its units are encircled in Pokrovsk.",
        [("Pokrovsk", "ukraine", "denied")],
        [("Pokrovsk", None, "advancing")],
    ),
    (
        "cue.advancing.verge-of",
        '"Vovchansk today stands on the brink of full liberation," a '
        "Russian-installed official said.",
        [("Vovchansk", "russia", "advancing")],
        [("Vovchansk", None, "captured")],
    ),
    (
        "cue.advancing.verge-of",
        "Russian commanders say Chasiv Yar is on the brink of being encircled.",
        [("Chasiv Yar", "russia", "advancing")],
        [],
    ),
    (
        "cue.advancing.close-to-taking",
        "Russian troops are close to capturing Toretsk, a Russian military blogger said.",
        [("Toretsk", None, "advancing")],
        [("Toretsk", None, "captured")],
    ),
    (
        "cue.advancing.close-to-taking",
        "Russia's defence ministry claimed its troops were near to encircling Kupiansk.",
        [("Kupiansk", "russia", "advancing")],
        [("Kupiansk", None, "captured")],
    ),
    (
        "cue.advancing.thrust-into",
        "Russian troops thrust into the Sumy region last spring, opening another front.",
        [("Sumy Oblast", "third-party", "advancing")],
        [],
    ),
    (
        "cue.advancing.thrust-into",
        '"Russian infantry are surging towards Pokrovsk," the Ukrainian commander said.',
        [("Pokrovsk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.launched-offensive",
        "On Tuesday Russian troops launched a large offensive near Avdiivka, the Ukrainian "
        "army said.",
        [("Avdiivka", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.launched-offensive",
        "Ukraine's army said Russian units mounted a fresh assault in the area of Toretsk.",
        [("Toretsk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.withdrawn.after-leaving",
        "A Ukrainian army spokesman said Russian units were regrouping near Svatove after "
        "leaving Lyman.",
        [("Lyman", "ukraine", "withdrawn")],
        [],
    ),
    (
        "cue.withdrawn.after-leaving",
        "Russia's Defence Ministry said its troops dug in on the left bank after withdrawing "
        "from Kherson.",
        [("Kherson", "russia", "withdrawn")],
        [],
    ),
    (
        "cue.denied.no-enemy-in",
        '"There have been no enemy units on the territory of Kursk region since spring," '
        "the governor wrote.",
        [("Kursk Oblast", None, "denied")],
        [],
    ),
    (
        "cue.denied.no-enemy-in",
        "A Ukrainian army spokesman said there are no Russian troops in Kupiansk.",
        [("Kupiansk", "ukraine", "denied")],
        [],
    ),
    (
        "cue.captured.greeted-by-residents",
        "Ukrainian paratroopers were greeted by jubilant locals in the town of Izium.",
        [("Izium", "third-party", "captured")],
        [],
    ),
    (
        "cue.captured.greeted-by-residents",
        "Villagers welcomed the troops in Snihurivka with bread and flowers.",
        [("Snihurivka", "third-party", "captured")],
        [],
    ),
    (
        "cue.captured.transfer-under-control",
        "The Russian Defence Ministry announced the transfer of Kupiansk under the control of "
        "its troops.",
        [("Kupiansk", "russia", "captured")],
        [],
    ),
    (
        "cue.captured.transfer-under-control",
        "Russia's Defence Ministry announced the return of the town of Sudzha to Russian control.",
        [("Sudzha", "russia", "captured")],
        [],
    ),
    (
        "cue.captured.raised-flag-over",
        "Russian pro-war bloggers said assault troops had planted their flag in the centre of "
        "Toretsk.",
        [("Toretsk", None, "captured")],
        [],
    ),
    (
        "cue.captured.raised-flag-over",
        "Ukrainian paratroopers raised the national flag over Kherson, the army said.",
        [("Kherson", "ukraine", "captured")],
        [],
    ),
    (
        "cue.withdrawn.withdrawal",
        "British intelligence confirmed the withdrawal of the Russians around Chernihiv.",
        [("Chernihiv", "third-party", "withdrawn")],
        [],
    ),
    (
        "cue.withdrawn.withdrawal",
        "The withdrawal of the Ukrainian brigades from Vuhledar is complete, the army said.",
        [("Vuhledar", "ukraine", "withdrawn")],
        [],
    ),
    (
        "cue.fighting.tried",
        "A Russian official said Ukrainian forces were attempting to break through the defence "
        "near the town of Kupiansk.",
        [("Kupiansk", "russia", "fighting")],
        [("Kupiansk", None, "advancing")],
    ),
    (
        "cue.fighting.tried",
        "Ukraine's army said the enemy tried to break through our lines near Pokrovsk.",
        [("Pokrovsk", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.fighting.fight",
        "A Ukrainian brigade stationed in Toretsk reported heavy fighting within the town.",
        [("Toretsk", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.fighting.fight",
        "The Ukrainian army said heavy fighting went on within Chasiv Yar.",
        [("Chasiv Yar", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.advancing.scene-of-push",
        "In recent weeks the area east of Lyman had emerged as the scene of a new Russian push, "
        "analysts said.",
        [("Lyman", "third-party", "advancing")],
        [],
    ),
    (
        "cue.advancing.scene-of-push",
        "Toretsk had become the focus of the Russian offensive by August.",
        [("Toretsk", "third-party", "advancing")],
        [],
    ),
    (
        "cue.fighting.entered-battle",
        "A raiding group entered into battle with border guards near Shebekino, Russia's "
        "Defence Ministry said.",
        [("Shebekino", "russia", "fighting")],
        [("Shebekino", None, "advancing")],
    ),
    (
        "cue.fighting.entered-battle",
        "Ukraine's army said the brigade engaged in combat with Russian units outside Toretsk.",
        [("Toretsk", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.captured.de-occupy",
        "Russia said its troops had de-occupied the town of Sudzha.",
        [("Sudzha", "russia", "captured")],
        [],
    ),
    (
        "cue.captured.de-occupy",
        "Kyiv officials celebrated the de-occupation of Kherson on Friday.",
        [("Kherson", None, "captured")],
        [],
    ),
    (
        "modality.goal-word",
        "Its forces earlier in May pushed into the Kharkiv region.",
        [("Kharkiv Oblast", "third-party", "advancing")],
        [],
    ),
    (
        "modality.goal-word",
        "Russian units in May captured the town of Vovchansk, the Russian army said.",
        [("Vovchansk", "russia", "captured")],
        [],
    ),
    (
        "cue.advancing.cross",
        "A raiding group penetrated the border of the Bryansk region at dawn, Russia's Defence "
        "Ministry said.",
        [("Bryansk Oblast", "russia", "advancing")],
        [],
    ),
    (
        "cue.advancing.cross",
        "Saboteurs breached the state border near Sudzha, Russia's Defence Ministry said.",
        [("Sudzha", "russia", "advancing")],
        [],
    ),
    (
        "cue.advancing.no-longer-fully-control",
        "Denis Pushilin, the Russian-installed leader, admitted his forces no longer fully "
        "controlled Lyman.",
        [("Lyman", "russia", "advancing")],
        [("Lyman", None, "holding")],
    ),
    (
        "cue.advancing.no-longer-fully-control",
        "Ukraine's army said that its units no longer fully hold Siversk.",
        [("Siversk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.withdrawn.no-longer-control",
        "Ukraine's army said its troops no longer control Vuhledar.",
        [("Vuhledar", "ukraine", "withdrawn")],
        [],
    ),
    (
        "cue.withdrawn.no-longer-control",
        "Russia's Defence Ministry said its forces no longer hold Kherson.",
        [("Kherson", "russia", "withdrawn")],
        [],
    ),
    (
        "cue.captured.declared-taken",
        "Russia's Defence Ministry proclaimed the town of Marinka fully captured on Monday.",
        [("Marinka", None, "captured")],
        [],
    ),
    (
        "cue.captured.declared-taken",
        "Ukraine's army on Friday declared Kupiansk liberated.",
        [("Kupiansk", "ukraine", "captured")],
        [],
    ),
    (
        "cue.advancing.took-positions-near",
        "Russian troops have taken several Ukrainian strongholds near Bakhmut, the Russian "
        "Defence Ministry said.",
        [("Bakhmut", "russia", "advancing")],
        [("Bakhmut", None, "captured")],
    ),
    (
        "cue.advancing.took-positions-near",
        "Ukraine's army said its units captured enemy trenches south of Bakhmut.",
        [("Bakhmut", "ukraine", "advancing")],
        [("Bakhmut", None, "captured")],
    ),
    (
        "cue.fighting.stopped-while-trying",
        "Russia's Defence Ministry said Ukrainian assault boats were stopped while attempting to "
        "cross the Dnipro near the village of Krynky.",
        [("Krynky", "russia", "fighting")],
        [],
    ),
    (
        "cue.fighting.stopped-while-trying",
        "Russia's Defence Ministry said a sabotage group was destroyed when trying to enter "
        "Sudzha.",
        [("Sudzha", "russia", "fighting")],
        [("Sudzha", None, "advancing")],
    ),
    (
        "cue.holding.line-secured",
        "The Ukrainian governor said the contact line has been secured in Kupiansk.",
        [("Kupiansk", "ukraine", "holding")],
        [],
    ),
    (
        "cue.holding.line-secured",
        "Ukraine's army said the defence line has held near Kupiansk.",
        [("Kupiansk", "ukraine", "holding")],
        [],
    ),
    (
        "cue.holding.in-control-of-area",
        "Ukraine's army said its forces are still in control of about 90 square kilometres "
        "in the Kursk region.",
        [("Kursk Oblast", "ukraine", "holding")],
        [("Kursk Oblast", None, "captured")],
    ),
    (
        "cue.holding.in-control-of-area",
        "Russia's Defence Ministry said its troops hold some 40 sq km of the Kharkiv region.",
        [("Kharkiv Oblast", "russia", "holding")],
        [],
    ),
    (
        "cue.holding.control-2",
        "Ukraine's army said its soldiers were still holding Sudzha on Wednesday.",
        [("Sudzha", "ukraine", "holding")],
        [],
    ),
    (
        "cue.holding.control-2",
        "Ukraine's army said its brigades continue to hold Siversk.",
        [("Siversk", "ukraine", "holding")],
        [],
    ),
    (
        "cue.fighting.attack-3",
        "Ukraine's army said Russian troops continue to assault near Kupiansk.",
        [("Kupiansk", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.fighting.attack-3",
        "Ukraine's army said Russian forces attacked 14 times near Kurakhove.",
        [("Kurakhove", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.advancing.attack-2",
        "Ukraine's army said its brigades pressured the flanks of Bakhmut.",
        [("Bakhmut", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.attack-2",
        "Ukraine's army said Russian forces were storming the outskirts of Toretsk.",
        [("Toretsk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.strike.killed",
        "The Ukrainian governor reported another casualty in Kherson overnight.",
        [("Kherson", "ukraine", "strike")],
        [],
    ),
    (
        "cue.strike.killed",
        "Two people were killed in Nikopol, the Ukrainian governor said.",
        [("Nikopol", "ukraine", "strike")],
        [],
    ),
    (
        "cue.captured.is-ours",
        '"Kherson is ours," Ukraine\'s president said after Russian forces left the city.',
        [("Kherson", "ukraine", "captured")],
        [],
    ),
    (
        "cue.captured.is-ours",
        "Kupiansk is once again ours, the Ukrainian commander said.",
        [("Kupiansk", "ukraine", "captured")],
        [],
    ),
    (
        "cue.strike.amid-shelling",
        "A family from Sudzha left the town on Tuesday amid heavy shelling.",
        [("Sudzha", "third-party", "strike")],
        [],
    ),
    (
        "cue.strike.amid-shelling",
        "Repairs in Nikopol went on amid constant Russian bombardment.",
        [("Nikopol", "third-party", "strike")],
        [],
    ),
    (
        "attach.list-after-unknown-items",
        "Russia's Defence Ministry said its forces captured the villages of Zolotokrai, "
        "Nowhereivka and Toretsk.",
        [("Toretsk", "russia", "captured")],
        [],
    ),
    (
        "attach.list-after-unknown-items",
        "Russia's Defence Ministry said it had defeated Ukrainian units in the settlements of "
        "Zolotokrai and Sudzha.",
        [("Sudzha", "russia", "fighting")],
        [],
    ),
    (
        "attach.list-after-unknown-items",
        "Russia's Defence Ministry said its forces captured the village of Zolotokrai, 20 km "
        "from Pokrovsk.",
        [],
        [("Pokrovsk", None, "captured")],
    ),
    (
        "cue.strike.under",
        "Frontline villages in the Kharkiv region are under heavy Russian shelling.",
        [("Kharkiv Oblast", "third-party", "strike")],
        [],
    ),
    (
        "cue.strike.under",
        "Kherson is under constant shelling, the Ukrainian governor said.",
        [("Kherson", "ukraine", "strike")],
        [],
    ),
    (
        "cue.strike.debris-fell",
        "Blasts were heard in Odesa before dawn: debris fell in two districts and several cars "
        "burned.",
        [("Odesa", "third-party", "strike")],
        [("Odesa", None, "captured")],
    ),
    (
        "cue.strike.debris-fell",
        "Shells landed near the railway station in Kramatorsk, the Ukrainian army said.",
        [("Kramatorsk", "ukraine", "strike")],
        [("Kramatorsk", None, "captured")],
    ),
    (
        "cue.holding.stopped-from-advancing",
        'Kyiv says Ukrainian units have "stopped" Moscow\'s troops from advancing deeper into the '
        "Sumy region.",
        [("Sumy Oblast", "ukraine", "holding")],
        [("Sumy Oblast", None, "advancing")],
    ),
    (
        "cue.holding.stopped-from-advancing",
        "Ukraine's army said its brigade prevented the enemy from moving towards Kostiantynivka.",
        [("Kostiantynivka", "ukraine", "holding")],
        [],
    ),
    (
        "cue.holding.but-achieved-nothing",
        '"The Russians keep throwing men at Siversk, but beyond mounting losses they have '
        'achieved nothing," the Ukrainian commander said.',
        [("Siversk", "ukraine", "holding")],
        [],
    ),
    (
        "cue.holding.but-achieved-nothing",
        "Russian units attacked Siversk again but made no progress, Ukraine's army said.",
        [("Siversk", "ukraine", "holding")],
        [],
    ),
    (
        "cue.advancing.took-positions-near",
        "Russia's Defence Ministry said its units had taken up better positions near Siversk.",
        [("Siversk", "russia", "advancing")],
        [("Siversk", None, "captured")],
    ),
    (
        "cue.strike.shell-verb",
        "Russian troops on the far bank continue to shell Kherson, the Ukrainian governor said.",
        [("Kherson", "ukraine", "strike")],
        [],
    ),
    (
        "cue.strike.shell-verb",
        "Russia shells Nikopol almost every day, the Ukrainian army said.",
        [("Nikopol", "ukraine", "strike")],
        [],
    ),
    (
        "modality.civilian",
        "Ukraine's army said Russian forces who left Kherson dug in on the far bank.",
        [("Kherson", "ukraine", "withdrawn")],
        [],
    ),
    (
        "modality.civilian",
        "A pensioner who left Vovchansk in May came back for her cat.",
        [],
        [("Vovchansk", None, "withdrawn")],
    ),
    (
        "cue.captured.expelled",
        "While Moscow claims it has expelled all Ukrainian units from the Kursk region, Kyiv "
        "insists its brigades remain active there.",
        [("Kursk Oblast", "russia", "captured")],
        [("Kursk Oblast", "russia", "advancing")],
    ),
    (
        "cue.captured.expelled",
        "Ukraine's army said it ousted the last Russian units from Kupiansk.",
        [("Kupiansk", "ukraine", "captured")],
        [],
    ),
    (
        "cue.captured.cleared-of",
        "Ukraine's army said Kupiansk had been cleared of Russian troops.",
        [("Kupiansk", "ukraine", "captured")],
        [],
    ),
    (
        "cue.captured.cleared-of",
        "Russia's Defence Ministry said Sudzha was completely cleared of the enemy.",
        [("Sudzha", "russia", "captured")],
        [],
    ),
    (
        "cue.advancing.clear",
        "Ukraine's army said the enemy was knocked out of Vovchansk.",
        [("Vovchansk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.clear",
        "Ukraine's army said its forces dislodged Russian troops from Vovchansk.",
        [("Vovchansk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.approach",
        "Russian assault groups infiltrated Pokrovsk, the Ukrainian army said.",
        [("Pokrovsk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.approach",
        "Russian troops approached Kurakhove, the Ukrainian army said.",
        [("Kurakhove", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.advanc-2",
        "Russian forces wedged into Ukrainian defences near Pokrovsk, the Ukrainian army said.",
        [("Pokrovsk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.advanc-2",
        "Russian troops advanced into Selydove, the Ukrainian army said.",
        [("Selydove", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.strike.strike",
        "Air raid sirens sounded in Kyiv at dawn, the city's mayor said.",
        [],
        [("Kyiv", None, "strike")],
    ),
    (
        "cue.strike.strike",
        "A missile strike on Kharkiv killed four people, the Ukrainian governor said.",
        [("Kharkiv", "ukraine", "strike")],
        [],
    ),
    (
        "cue.strike.struck",
        "Russia bombarded Kherson with artillery, the Ukrainian governor said.",
        [("Kherson", "ukraine", "strike")],
        [],
    ),
    (
        "cue.strike.struck",
        "A missile struck Kharkiv overnight, the Ukrainian governor said.",
        [("Kharkiv", "ukraine", "strike")],
        [],
    ),
    (
        "precision.no-longer-hold-out-hope",
        "The Ukrainian mayor said people in Kharkiv no longer hold out hope for a ceasefire.",
        [],
        [("Kharkiv", None, "withdrawn"), ("Kharkiv", None, "holding")],
    ),
    (
        "precision.no-longer-hold-out-hope",
        "Ukraine's army said residents of Sumy hold out little hope of returning soon.",
        [],
        [("Sumy", None, "holding")],
    ),
    (
        "cue.advancing.took-parts-of",
        "Ukraine's army said it recaptured parts of the Zaporizhzhia region.",
        [("Zaporizhzhia Oblast", "ukraine", "advancing")],
        [("Zaporizhzhia Oblast", None, "captured")],
    ),
    (
        "cue.advancing.took-parts-of",
        "Russia's Defence Ministry said its forces took most of the town of Toretsk.",
        [("Toretsk", "russia", "advancing")],
        [("Toretsk", None, "captured")],
    ),
    (
        "cue.other.reinforcements",
        "Moscow is redeploying reserves to the Zaporizhzhia region, Russian state media reported.",
        [("Zaporizhzhia Oblast", None, "other")],
        [("Zaporizhzhia Oblast", None, "advancing")],
    ),
    (
        "cue.other.reinforcements",
        "Ukraine's army said it had sent reserves to the area and that the situation around "
        "Pokrovsk had been stabilised.",
        [("Pokrovsk", "ukraine", "holding")],
        [("Pokrovsk", None, "other")],
    ),
    (
        "cue.holding.is-a-stronghold",
        "Chasiv Yar, a Ukrainian bastion above the canal, has seen heavy losses.",
        [("Chasiv Yar", "third-party", "holding")],
        [],
    ),
    (
        "cue.holding.is-a-stronghold",
        "Kurakhove is the main remaining stronghold of the Ukrainian army on that stretch.",
        [("Kurakhove", "third-party", "holding")],
        [],
    ),
    (
        "cue.holding.stronghold-of",
        "Analysts described the Russian stronghold of Svatove as the key to the north.",
        [("Svatove", "third-party", "holding")],
        [],
    ),
    (
        "cue.holding.stronghold-of",
        "Analysts called the Ukrainian bastion of Chasiv Yar the gate to Kramatorsk.",
        [("Chasiv Yar", "third-party", "holding")],
        [],
    ),
    (
        "cue.fighting.losses-near",
        "Russian bloggers wrote about heavy losses in Vuhledar.",
        [("Vuhledar", None, "fighting")],
        [],
    ),
    (
        "cue.fighting.losses-near",
        "Ukraine's army said Russian brigades suffered heavy losses near Pokrovsk.",
        [("Pokrovsk", "ukraine", "fighting")],
        [("Pokrovsk", None, "strike")],
    ),
    (
        "cue.fighting.has-seen-fighting",
        "Avdiivka, a town that has seen some of the heaviest fighting of this conflict, "
        "lies flattened.",
        [("Avdiivka", "third-party", "fighting")],
        [],
    ),
    (
        "cue.fighting.has-seen-fighting",
        "Ukraine's army said Toretsk had seen months of bitter fighting.",
        [("Toretsk", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.captured.back-under-control",
        "Ukraine's army said Kupiansk is back under Ukrainian control.",
        [("Kupiansk", "ukraine", "captured")],
        [],
    ),
    (
        "cue.captured.back-under-control",
        "Russia's Defence Ministry said Sudzha has returned to Russian control.",
        [("Sudzha", "russia", "captured")],
        [],
    ),
    (
        "cue.captured.flag-flying-over",
        "The Ukrainian flag is flying again over Kherson, the Ukrainian army said.",
        [("Kherson", "ukraine", "captured")],
        [],
    ),
    (
        "cue.captured.flag-flying-over",
        "Russia's Defence Ministry said a Russian flag was flying over Sudzha.",
        [("Sudzha", "russia", "captured")],
        [],
    ),
    (
        "cue.withdrawn.lost-control",
        "Ukraine's army said its marines had lost their foothold in Krynky.",
        [("Krynky", "ukraine", "withdrawn")],
        [("Krynky", None, "advancing")],
    ),
    (
        "cue.withdrawn.lost-control",
        "Ukraine's army admitted it had lost control of Vuhledar.",
        [("Vuhledar", "ukraine", "withdrawn")],
        [],
    ),
    (
        "cue.advancing.reach",
        "Russian units reached the administrative border of the Zaporizhzhia region, analysts "
        "said.",
        [("Zaporizhzhia Oblast", "third-party", "advancing")],
        [],
    ),
    (
        "cue.advancing.reach",
        "Ukraine's army said Russian troops reached the outskirts of Pokrovsk.",
        [("Pokrovsk", "ukraine", "advancing")],
        [],
    ),
    (
        "coordination.as-well-as",
        "The Ukrainian army said clashes continue near Vovchansk, as well as near the villages "
        "of Lyptsi and Ternova.",
        [
            ("Vovchansk", "ukraine", "fighting"),
            ("Lyptsi", "ukraine", "fighting"),
            ("Ternova", "ukraine", "fighting"),
        ],
        [],
    ),
    (
        "coordination.as-well-as",
        "Russian troops attacked near Pokrovsk as well as Myrnohrad.",
        [("Pokrovsk", "third-party", "fighting"), ("Myrnohrad", "third-party", "fighting")],
        [],
    ),
    (
        "cue.withdrawn.loss-of-positions",
        "Ukrainian bloggers admitted the loss of positions near Pishchane on Monday.",
        [("Pishchane", "ukraine", "withdrawn")],
        [],
    ),
    (
        "cue.withdrawn.loss-of-positions",
        "Russian war correspondents wrote about the loss of their foothold in Krynky.",
        [("Krynky", None, "withdrawn")],
        [("Krynky", None, "strike")],
    ),
    (
        "cue.withdrawn.loss-of-positions",
        "The loss of life in Bakhmut shocked the country.",
        [],
        [("Bakhmut", None, "withdrawn")],
    ),
    (
        "cue.withdrawn.withdrawal",
        "Moscow said the pullout from Kherson had been completed without losses.",
        [("Kherson", "russia", "withdrawn")],
        [],
    ),
    (
        "cue.withdrawn.withdrawal",
        "The Ukrainian army began a pull-out from Vuhledar overnight, a spokesman said.",
        [("Vuhledar", "ukraine", "withdrawn")],
        [],
    ),
    (
        "cue.fighting.fight",
        "The general staff reported small arms firefights in Pokrovsk.",
        [("Pokrovsk", None, "fighting")],
        [],
    ),
    (
        "cue.fighting.fight",
        "Skirmishes flared again on the edge of Toretsk, the brigade said.",
        [("Toretsk", None, "fighting")],
        [],
    ),
    (
        "coordination.repeated-preposition",
        "Russia's defence ministry said 30 drones were shot down over Crimea and over the Kursk "
        "and Belgorod regions.",
        [
            ("Crimea", "russia", "strike"),
            ("Kursk Oblast", "russia", "strike"),
            ("Belgorod Oblast", "russia", "strike"),
        ],
        [],
    ),
    (
        "coordination.repeated-preposition",
        "Fighting went on in Toretsk and also in Chasiv Yar, the army said.",
        [("Toretsk", "ukraine", "fighting"), ("Chasiv Yar", "ukraine", "fighting")],
        [],
    ),
    (
        "aside.appositive-relative",
        "Wagner's chief said his men had practically encircled Bakhmut, a mining town in "
        "Donetsk that has seen the heaviest fighting of the entire war.",
        [("Bakhmut", "russia", "advancing"), ("Bakhmut", "third-party", "fighting")],
        [("Bakhmut", None, "captured")],
    ),
    (
        "aside.appositive-relative",
        "Kyiv said it had hit a depot in Melitopol, a city which Russian forces seized in 2022.",
        [("Melitopol", "ukraine", "strike"), ("Melitopol", "third-party", "captured")],
        [],
    ),
    (
        "cue.fighting.trying-to-push-out",
        "The enemy keeps trying to push our units out of Vovchansk, the brigade said.",
        [("Vovchansk", "ukraine", "fighting")],
        [("Vovchansk", None, "advancing")],
    ),
    (
        "cue.fighting.trying-to-push-out",
        "Russian troops are attempting to drive the defenders out of the centre of Toretsk.",
        [("Toretsk", None, "fighting")],
        [],
    ),
    (
        "cue.fighting.situation-difficult",
        "The situation in Kupiansk remains very difficult, the Ukrainian army spokesman said.",
        [("Kupiansk", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.fighting.situation-difficult",
        "Ukraine's General Staff said the situation was tense, especially near Dvorichna.",
        [("Dvorichna", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.fighting.situation-difficult",
        "The situation in Toretsk is under control, the Ukrainian army spokesman said.",
        [],
        [("Toretsk", None, "fighting")],
    ),
    (
        "cue.advancing.troops-seen-in",
        "Analysts observed Russian troops inside Siversk by mid-November and said it likely "
        "took another month to take the whole town.",
        [("Siversk", "third-party", "advancing")],
        [("Siversk", None, "assessment")],
    ),
    (
        "cue.advancing.troops-seen-in",
        "Russian infantry have been spotted in the centre of Kupiansk, a Ukrainian army "
        "spokesman said.",
        [("Kupiansk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.troops-seen-in",
        "Crowds were seen in the streets of Kyiv after the concert.",
        [],
        [("Kyiv", None, "advancing")],
    ),
    (
        "cue.fighting.house-to-house",
        "Ukrainian marines are fighting house-to-house to keep hold of the mining town of Toretsk.",
        [("Toretsk", None, "fighting")],
        [("Toretsk", None, "advancing")],
    ),
    (
        "cue.fighting.house-to-house",
        "Marines fought street by street in Mariupol for weeks, the city council said.",
        [("Mariupol", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.fighting.damaged-in-fighting",
        "The town of Ocheretyne has been badly damaged in the fighting, Pushilin said.",
        [("Ocheretyne", "russia", "fighting")],
        [("Ocheretyne", None, "strike")],
    ),
    (
        "cue.fighting.damaged-in-fighting",
        "Much of Marinka was destroyed during months of fighting.",
        [("Marinka", "third-party", "fighting")],
        [],
    ),
    (
        "cue.fighting.engagements-recorded",
        "Nine combat engagements were recorded near Siversk on Sunday.",
        [("Siversk", "third-party", "fighting")],
        [],
    ),
    (
        "cue.fighting.engagements-recorded",
        "Russian troops pressed on Huliaipole. Twenty clashes were registered there yesterday, "
        "the Ukrainian army said.",
        [("Huliaipole", "ukraine", "fighting")],
        [],
    ),
    # round 7: how reporters write partial control, a stopped enemy, a siege withstood, a
    # defender's "they do not control X"
    (
        "cue.advancing.partial-subject",
        "About 70 percent of Vovchansk is now controlled by Ukrainian units, the deputy "
        "governor said.",
        [("Vovchansk", "ukraine", "advancing")],
        [("Vovchansk", None, "captured"), ("Vovchansk", None, "holding")],
    ),
    (
        "cue.advancing.partial-subject",
        "Russian military bloggers wrote that most of Toretsk was already in Russian hands.",
        [("Toretsk", None, "advancing")],
        [("Toretsk", None, "captured")],
    ),
    (
        "cue.advancing.partial-subject",
        "Half of the budget is controlled by the ministry in Kyiv.",
        [],
        [("Kyiv", None, "advancing")],
    ),
    (
        "cue.holding.stopped-enemy-near",
        "Our brigade has stopped Russian troops near Vovchansk, a Ukrainian army spokesman said.",
        [("Vovchansk", "ukraine", "holding")],
        [],
    ),
    (
        "cue.holding.stopped-enemy-near",
        "The Russian Defence Ministry said Ukrainian columns were halted on the outskirts of "
        "Tyotkino.",
        [("Tëtkino", "russia", "holding")],
        [],
    ),
    (
        "cue.holding.stopped-enemy-near",
        "Police stopped Russian tourists at the airport in Riga.",
        [],
        [("Riga", None, "holding")],
    ),
    (
        "cue.fighting.withstood-attack-near",
        "Ukraine's top general said his troops had withstood in recent days a powerful "
        "assault near Kupiansk.",
        [("Kupiansk", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.fighting.withstood-attack-near",
        "Marines withstood repeated attacks on the outskirts of Krynky, the Ukrainian navy said.",
        [("Krynky", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.fighting.place-withstood-siege",
        "Toretsk has withstood a grinding Russian siege for more than a year.",
        [("Toretsk", "third-party", "fighting")],
        [],
    ),
    (
        "cue.fighting.place-withstood-siege",
        "Ukrainian officials say Kupiansk has so far withstood months of Russian attacks.",
        [("Kupiansk", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.denied.they-do-not-control",
        '"At this point the Russians do not control Pokrovsk," a Ukrainian officer said by phone.',
        [("Pokrovsk", "ukraine", "denied")],
        [("Pokrovsk", None, "holding")],
    ),
    (
        "cue.denied.they-do-not-control",
        "Ukraine's army said enemy troops did not occupy the town of Toretsk.",
        [("Toretsk", "ukraine", "denied")],
        [],
    ),
    (
        "modality.risk-of",
        "Spokesman Ostapenko admitted there was a real risk of encirclement for Ukrainian units "
        "near Myrnohrad.",
        [],
        [("Myrnohrad", None, "advancing")],
    ),
    (
        "modality.risk-of",
        "Kyiv warned of the threat of a Russian offensive on Kharkiv.",
        [],
        [("Kharkiv", None, "advancing")],
    ),
    (
        "modality.prediction",
        "The spokesman said the brigades will reach Svatove and Kreminna within days.",
        [("Svatove", None, "assessment"), ("Kreminna", None, "assessment")],
        [("Svatove", None, "advancing")],
    ),
    (
        "modality.prediction",
        "Once the bridge is repaired, Ukrainian marines will be able to retake Kherson, an "
        "analyst wrote.",
        [("Kherson", None, "assessment")],
        [("Kherson", None, "captured")],
    ),
    (
        "cue.advancing.striking-distance",
        "Russian troops are now within striking distance of Kostiantynivka, a Russian military "
        "blogger wrote.",
        [("Kostiantynivka", None, "advancing")],
        [("Kostiantynivka", None, "strike")],
    ),
    (
        "cue.advancing.striking-distance",
        "Kharkiv lies within striking distance of Russian artillery, the governor said.",
        [],
        [("Kharkiv", None, "advancing"), ("Kharkiv", None, "strike")],
    ),
    (
        "cue.strike.strike",
        "Zelensky said Moscow had massed its biggest strike group against Pokrovsk.",
        [],
        [("Pokrovsk", None, "strike")],
    ),
    (
        "cue.strike.strike",
        "Moscow had massed attack groups against Kupiansk, a Ukrainian officer said.",
        [],
        [("Kupiansk", None, "strike")],
    ),
    (
        "cue.other.evacuated",
        "Patients were evacuated to hospitals in Lviv, the regional governor said.",
        [],
        [("Lviv", None, "other"), ("Lviv", None, "withdrawn")],
    ),
    (
        "cue.other.evacuated",
        "About 300 residents of Vovchansk were evacuated to Kharkiv on Monday.",
        [],
        [("Kharkiv", None, "other"), ("Kharkiv", None, "withdrawn")],
    ),
    (
        "cue.fighting.losses-trying-to-take",
        "Ukraine's army said the Russians had suffered heavy losses trying to storm Chasiv Yar.",
        [("Chasiv Yar", "ukraine", "fighting")],
        [("Chasiv Yar", None, "advancing")],
    ),
    (
        "cue.fighting.losses-trying-to-take",
        "Moscow lost dozens of tanks in attempts to take the town of Vuhledar, a Ukrainian "
        "commander said.",
        [("Vuhledar", "ukraine", "fighting")],
        [("Vuhledar", None, "withdrawn")],
    ),
    (
        "cue.fighting.failed-attack",
        "The Ukrainian army said an unsuccessful Russian assault near Siversk cost the enemy two "
        "tanks.",
        [("Siversk", "ukraine", "fighting")],
        [("Siversk", None, "advancing")],
    ),
    (
        "cue.fighting.failed-attack",
        "Russian forces lost some thirty armoured vehicles in a failed attack on Vuhledar, the "
        "Ukrainian military said.",
        [("Vuhledar", "ukraine", "fighting")],
        [("Vuhledar", None, "strike")],
    ),
    (
        "cue.captured.occupied-verb",
        "Russian forces have occupied Toretsk, the Ukrainian army said.",
        [("Toretsk", "ukraine", "captured")],
        [],
    ),
    (
        "cue.captured.occupied-verb",
        "Strikes hit occupied Donetsk, the Russian-installed mayor said.",
        [],
        [("Donetsk", None, "captured")],
    ),
    (
        "cue.advancing.cut-road-to",
        "Russian troops have cut the main supply road to Pokrovsk, a Ukrainian officer said.",
        [("Pokrovsk", "ukraine", "advancing")],
        [("Pokrovsk", None, "captured")],
    ),
    (
        "cue.advancing.cut-road-to",
        "Analysts say Ukrainian units took fire control of the highway between Kreminna and "
        "Svatove.",
        [("Kreminna", None, "advancing"), ("Svatove", None, "advancing")],
        [("Kreminna", None, "captured")],
    ),
    (
        "cue.advancing.bridgehead",
        "Russian troops have established a bridgehead on the western bank near Kupiansk, the "
        "ISW said.",
        [("Kupiansk", "third-party", "advancing")],
        [],
    ),
    (
        "cue.advancing.bridgehead",
        "Kyiv said its marines had expanded their foothold near the village of Krynky.",
        [("Krynky", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.controls-most-of",
        "Moscow's forces now control most of Toretsk, a Ukrainian analyst said.",
        [("Toretsk", None, "advancing")],
        [("Toretsk", None, "captured"), ("Toretsk", None, "holding")],
    ),
    (
        "cue.advancing.controls-most-of",
        "Ukraine's army said it still controls most of Kupiansk.",
        [("Kupiansk", "ukraine", "holding")],
        [("Kupiansk", None, "advancing")],
    ),
    (
        "cue.advancing.front-within-distance",
        "The front line is now just 3 km from Pokrovsk, the governor said.",
        [("Pokrovsk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.front-within-distance",
        "Kupiansk lies about 15 kilometres from the front line, officials said.",
        [],
        [("Kupiansk", None, "advancing")],
    ),
    (
        "cue.advancing.attack",
        "The Ukrainian army said its troops had repelled all attacks on Kupiansk.",
        [("Kupiansk", "ukraine", "fighting")],
        [("Kupiansk", None, "advancing")],
    ),
    (
        "cue.advancing.attack",
        "Russian infantry stepped up attacks on Kupiansk, the Ukrainian army said.",
        [("Kupiansk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.denied.claim-called-false",
        "Ukraine's army said Russian claims to have captured Kupiansk were false.",
        [("Kupiansk", "ukraine", "denied")],
        [("Kupiansk", None, "captured")],
    ),
    (
        "cue.denied.claim-called-false",
        "A Ukrainian army spokesman said Moscow's claim that its soldiers had captured the town "
        "of Siversk was simply untrue.",
        [("Siversk", "ukraine", "denied")],
        [("Siversk", None, "captured")],
    ),
    (
        "cue.holding.keeps-control",
        "The Ukrainian army said its troops were keeping control of Kupiansk.",
        [("Kupiansk", "ukraine", "holding")],
        [],
    ),
    (
        "cue.holding.keeps-control",
        "Analysts say Ukrainian forces retain full control over the town of Huliaipole.",
        [("Huliaipole", "third-party", "holding")],
        [],
    ),
    (
        "cue.fighting.besieging",
        "Russian forces are besieging Chasiv Yar, the institute said.",
        [("Chasiv Yar", "third-party", "fighting")],
        [],
    ),
    (
        "cue.fighting.besieging",
        "The Ukrainian army said Russian troops had laid siege to the town of Avdiivka.",
        [("Avdiivka", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.strike.air-defence-active",
        "Air defences were active over Odesa overnight, the governor said.",
        [("Odesa", "ukraine", "strike")],
        [],
    ),
    (
        "cue.strike.air-defence-active",
        "The mayor of Kyiv said air defense systems were working in the capital and over Brovary.",
        [("Brovary", "ukraine", "strike")],
        [],
    ),
    (
        "cue.captured.captur",
        "Russian troops have seized the initiative near Kupiansk, Ukrainian officials said.",
        [],
        [("Kupiansk", None, "captured")],
    ),
    (
        "cue.captured.captur",
        "Russian troops have seized Kupiansk, the Russian Defence Ministry said.",
        [("Kupiansk", "russia", "captured")],
        [],
    ),
    (
        "cue.fighting.forces-attacked-in",
        "Russian forces attacked in Kupiansk itself and towards Kindrashivka, the institute said.",
        [("Kupiansk", "third-party", "fighting")],
        [("Kupiansk", None, "strike")],
    ),
    (
        "cue.fighting.forces-attacked-in",
        "Moscow said Ukrainian troops had unsuccessfully assaulted towards Kreminna on Tuesday.",
        [("Kreminna", "russia", "fighting")],
        [("Kreminna", None, "strike")],
    ),
    (
        "cue.fighting.losses-near",
        "Units of the Centre group improved their tactical position and inflicted losses on "
        "Ukrainian formations near Kupiansk, the Russian Defence Ministry said.",
        [("Kupiansk", "russia", "fighting")],
        [],
    ),
    (
        "cue.fighting.losses-near",
        "The Russian Defence Ministry said its units had inflicted losses on two enemy "
        "brigades near the settlements of Siversk and Kreminna.",
        [("Siversk", "russia", "fighting"), ("Kreminna", "russia", "fighting")],
        [],
    ),
    (
        "cue.captured.captur",
        "The Russian Defence Ministry said it had captured 20 Ukrainian soldiers near Kupiansk.",
        [],
        [("Kupiansk", None, "captured")],
    ),
    (
        "cue.captured.captur",
        "Russian border guards seized a cache of weapons near Sumy, the service said.",
        [],
        [("Sumy", None, "captured")],
    ),
    (
        "cue.captured.captured",
        "Russian soldiers who surrendered near Kupiansk were taken to Kharkiv, the army said.",
        [],
        [("Kupiansk", None, "captured"), ("Kharkiv", None, "captured")],
    ),
    (
        "cue.captured.captured",
        "Toretsk was taken by Russian troops, the Russian Defence Ministry said.",
        [("Toretsk", "russia", "captured")],
        [],
    ),
    (
        "cue.other.launched-from",
        "Russia launched 40 drones from the Kursk region overnight, Ukraine's air force said.",
        [("Kursk Oblast", "ukraine", "other")],
        [("Kursk Oblast", None, "strike")],
    ),
    (
        "cue.other.launched-from",
        "Russia launched 40 drones at Odesa overnight, Ukraine's air force said.",
        [("Odesa", None, "strike")],
        [("Odesa", None, "other")],
    ),
    (
        "modality.troops",
        "A funeral was held in Lviv for a soldier killed near Pokrovsk.",
        [],
        [("Pokrovsk", None, "strike")],
    ),
    (
        "modality.troops",
        "Two civilians were killed near Pokrovsk, the regional governor said.",
        [("Pokrovsk", "ukraine", "strike")],
        [],
    ),
    (
        "cue.withdrawn.abandoned-positions-near",
        "Russian forces abandoned their positions on the left bank near Kherson, the Ukrainian "
        "army said.",
        [("Kherson", "ukraine", "withdrawn")],
        [],
    ),
    (
        "cue.withdrawn.abandoned-positions-near",
        "Ukrainian units regained lost positions near Kupiansk, the Ukrainian army said.",
        [("Kupiansk", "ukraine", "advancing")],
        [("Kupiansk", None, "withdrawn")],
    ),
    (
        "cue.withdrawn.troops-fled",
        "Russia's defence ministry said Ukrainian troops had fled Sudzha.",
        [("Sudzha", "russia", "withdrawn")],
        [],
    ),
    (
        "cue.withdrawn.troops-fled",
        "Thousands of residents fled Pokrovsk, the regional governor said.",
        [],
        [("Pokrovsk", None, "withdrawn")],
    ),
    (
        "cue.holding.situation-near-under-control",
        "Ukraine's army said the situation near Pokrovsk was under control.",
        [("Pokrovsk", "ukraine", "holding")],
        [],
    ),
    (
        "cue.holding.situation-near-under-control",
        "The situation in Pokrovsk is very difficult, the Ukrainian army said.",
        [("Pokrovsk", "ukraine", "fighting")],
        [("Pokrovsk", None, "holding")],
    ),
    (
        "cue.holding.holding-firm",
        "Ukrainian troops are holding firm in Chasiv Yar, the Ukrainian army said.",
        [("Chasiv Yar", "ukraine", "holding")],
        [],
    ),
    (
        "cue.holding.holding-firm",
        "A Ukrainian navy spokesman said its marines stood fast near the village of Krynky.",
        [("Krynky", "ukraine", "holding")],
        [],
    ),
    (
        "cue.captured.now-in-hands",
        "The Russian Defence Ministry said Toretsk was now in Russian hands.",
        [("Toretsk", "russia", "captured")],
        [],
    ),
    (
        "cue.captured.now-in-hands",
        "Ukrainian officials admitted the village of Dovhe had passed into enemy hands overnight.",
        [("Dovhe", "ukraine", "captured")],
        [],
    ),
    (
        "cue.fighting.focal-point",
        "Toretsk, a mining town that has become a focal point of the Russian offensive, "
        "lies in ruins.",
        [("Toretsk", "third-party", "fighting")],
        [("Toretsk", None, "advancing")],
    ),
    (
        "cue.fighting.focal-point",
        "Ukraine's army said Chasiv Yar remained a flashpoint of the war in the east.",
        [("Chasiv Yar", "ukraine", "fighting")],
        [],
    ),
]


@pytest.mark.parametrize("rule,body,expected,forbidden", CASES)
def test_construction(gaz, rule, body, expected, forbidden):
    check_case(gaz, rule, body, expected, forbidden)


def test_every_construction_has_two_texts():
    assert rules_with_one_text(CASES) == {}


@pytest.mark.parametrize(
    ("sentence", "has_noun"),
    [
        ("The enemy storms our positions in groups from different directions.", False),
        ("Russian troops attacked from three directions overnight.", False),
        ("Fighting goes on in the Pokrovsk direction.", True),
        ("Street fighting continues in the city.", True),
    ],
)
def test_a_place_noun_is_not_where_attackers_came_from(sentence, has_noun):
    """cues.names_a_place_noun (for the carry pass): "from different directions" is no place."""
    from geomap.extract.cues import names_a_place_noun

    assert names_a_place_noun(sentence, 0, len(sentence)) is has_noun
