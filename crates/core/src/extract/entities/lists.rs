//! Hand-written lists of common-knowledge names and name-adjacent words, `|`-separated.
//! They are hints for the tagger (it learns how far to trust each list), not a lookup of
//! answers; written from general knowledge, not taken from any data set.

/// Sovereign states and common short forms.
pub const COUNTRIES: &str = "Afghanistan|Albania|Algeria|Andorra|Angola|Antigua|Argentina|Armenia|Australia|Austria|\
Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|\
Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|\
Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|\
Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|\
France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|\
Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|\
Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Macedonia|North Macedonia|\
Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|\
Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|\
Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|\
Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|\
Solomon Islands|Somalia|South Africa|South Korea|Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Swaziland|Sweden|\
Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad|Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|\
Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|\
United States|United States of America|USA|U.S.|US|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|\
Zambia|Zimbabwe|Yugoslavia|Soviet Union|USSR|Zaire|Czechoslovakia|Hong Kong|Macau|Puerto Rico|Greenland|Gaza|West Bank|\
Chechnya|Kurdistan|Tibet|Abkhazia|Karabakh|Nagorno-Karabakh|Crimea|Donbas|Transnistria";

/// Capitals and large or newsworthy cities.
pub const CITIES: &str = "Abu Dhabi|Abuja|Accra|Addis Ababa|Algiers|Almaty|Amman|Amsterdam|Ankara|Astana|Athens|\
Atlanta|Auckland|Baghdad|Baku|Baltimore|Bamako|Bangkok|Barcelona|Beijing|Beirut|Belfast|Belgrade|Berlin|Bern|Bishkek|\
Bogota|Bombay|Mumbai|Bonn|Boston|Brasilia|Bratislava|Brisbane|Brussels|Bucharest|Budapest|Buenos Aires|Cairo|Calcutta|\
Kolkata|Canberra|Cape Town|Caracas|Casablanca|Chicago|Colombo|Copenhagen|Dakar|Dallas|Damascus|Dhaka|Detroit|Doha|\
Dubai|Dublin|Dushanbe|Edinburgh|Frankfurt|Geneva|Glasgow|Gothenburg|Hamburg|Hanoi|Harare|Havana|Helsinki|Ho Chi Minh City|\
Houston|Islamabad|Istanbul|Jakarta|Jerusalem|Johannesburg|Kabul|Kampala|Karachi|Kathmandu|Khartoum|Kiev|Kyiv|Kigali|\
Kinshasa|Kuala Lumpur|Kuwait City|Lagos|Lahore|La Paz|Lima|Lisbon|Ljubljana|London|Los Angeles|Luanda|Lusaka|Luxembourg|\
Lyon|Madrid|Managua|Manchester|Manila|Marseille|Melbourne|Mexico City|Miami|Milan|Minsk|Mogadishu|Monrovia|Montevideo|\
Montreal|Moscow|Munich|Muscat|Nairobi|Naples|New Delhi|Delhi|New York|Nicosia|Nur-Sultan|Osaka|Oslo|Ottawa|Paris|Perth|\
Philadelphia|Phnom Penh|Prague|Pretoria|Pristina|Pyongyang|Quito|Rabat|Rangoon|Yangon|Reykjavik|Riga|Rio de Janeiro|\
Riyadh|Rome|Rotterdam|St. Petersburg|Saint Petersburg|San Francisco|San Jose|Santiago|Santo Domingo|Sao Paulo|Sarajevo|\
Seattle|Seoul|Shanghai|Singapore|Skopje|Sofia|Stockholm|Stuttgart|Sydney|Taipei|Tallinn|Tashkent|Tbilisi|Tegucigalpa|\
Tehran|Tel Aviv|Tirana|Tokyo|Toronto|Tripoli|Tunis|Turin|Ulan Bator|Vancouver|Vienna|Vilnius|Warsaw|Washington|Wellington|\
Windhoek|Yerevan|Zagreb|Zurich|Gyumri|Stepanakert|Shusha|Donetsk|Luhansk|Kharkiv|Odessa|Lviv|Sevastopol|Grozny|\
Novosibirsk|Vladivostok|Kazan|Yekaterinburg|Volgograd|Murmansk|Kaliningrad|Sochi|Hebron|Ramallah|Aleppo|Homs|Mosul|Basra|\
Kandahar|Herat|Peshawar|Kashmir|Srinagar|Bangalore|Chennai|Madras|Hyderabad|Shenzhen|Guangzhou|Wuhan|Hong Kong|Kobe|\
Kyoto|Nagoya|Yokohama|Busan|Sapporo|Jeddah|Mecca|Medina|Dubrovnik|Split|Antwerp|Rotterdam|The Hague|Hague|Cologne|\
Dusseldorf|Leipzig|Dresden|Marseilles|Bordeaux|Lille|Nice|Strasbourg|Seville|Valencia|Bilbao|Porto|Genoa|Florence|Venice|\
Palermo|Krakow|Gdansk|Salzburg|Innsbruck|Lausanne|Basel|Lucerne|Liverpool|Leeds|Birmingham|Bristol|Cardiff|Oxford|Cambridge|\
Denver|Phoenix|Minneapolis|Cleveland|Pittsburgh|Cincinnati|St. Louis|New Orleans|San Diego|Las Vegas|Orlando|Tampa|Omaha";

/// States, provinces, continents, seas and other regions.
pub const REGIONS: &str = "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|\
Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|\
Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|\
Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|\
Wyoming|Ontario|Quebec|British Columbia|Alberta|Manitoba|Nova Scotia|Bavaria|Catalonia|Basque Country|Andalusia|\
Lombardy|Sicily|Sardinia|Corsica|Brittany|Normandy|Siberia|Caucasus|North Caucasus|Dagestan|Ingushetia|Tatarstan|Punjab|\
Kashmir|Bengal|Xinjiang|Guangdong|Sichuan|Mindanao|Java|Sumatra|Bali|Borneo|Kurdistan|Darfur|Sahara|Sahel|Balkans|\
Baltics|Scandinavia|Europe|Asia|Africa|North America|South America|Latin America|Central America|Middle East|Near East|\
Far East|Eurasia|Oceania|Antarctica|Arctic|Atlantic|Pacific|Indian Ocean|Mediterranean|Black Sea|Caspian Sea|Baltic Sea|\
North Sea|Red Sea|Persian Gulf|Gulf|Gulf of Mexico|Caribbean|Persian Gulf|Strait of Hormuz|Suez Canal|Panama Canal|\
Danube|Rhine|Volga|Nile|Amazon|Mississippi|Thames|Yangtze|Jordan River|Golan Heights|Sinai|Alps|Himalayas|Andes|Urals|\
Lake Sevan|Syunik|Tavush|Zangezur|Lachin|Nakhichevan|Nakhchivan|Wall Street|Silicon Valley|Midwest|New England|\
West Africa|East Africa|Southeast Asia|Central Asia|South Asia|East Asia|Western Europe|Eastern Europe|Horn of Africa|\
Fujian|Gansu|Guangxi|Guizhou|Hainan|Hebei|Heilongjiang|Henan|Hubei|Hunan|Jilin|Qinghai|Shaanxi|Shandong|Shanxi|Yunnan|\
Zhejiang|Inner Mongolia|Ningxia|Alagoas|Amapa|Amazonas|Ceara|Espirito Santo|Maranhao|\
Minas Gerais|Paraiba|Pernambuco|Piaui|Rondonia|Roraima|Santa Catarina|Sergipe|\
Tocantins|Uttar Pradesh|Madhya Pradesh|Maharashtra|Karnataka|Kerala|Rajasthan|Bihar|Orissa|Assam|Haryana|\
New South Wales|Western Australia|South Australia|Northern Territory|New Brunswick|Newfoundland|\
Yukon|Sabah|Sarawak|Johor|Selangor|Kalimantan|Sulawesi|Luzon|Baluchistan|Provence|Alsace|Hesse|Lower Saxony|Westphalia|\
Baden-Wuerttemberg|Flanders|Wallonia|Galicia|Cornwall";

/// International and well-known organisations, parties, agencies, companies.
pub const ORGANIZATIONS: &str = "United Nations|UN|U.N.|UN Security Council|Security Council|General Assembly|\
NATO|European Union|EU|European Commission|European Parliament|Council of Europe|OSCE|CSTO|\
Collective Security Treaty Organization|CIS|Commonwealth of Independent States|Eurasian Economic Union|EAEU|SCO|\
Shanghai Cooperation Organization|BRICS|ASEAN|African Union|Arab League|OPEC|OECD|IMF|International Monetary Fund|\
World Bank|WTO|World Trade Organization|WHO|World Health Organization|UNESCO|UNICEF|UNHCR|IAEA|Interpol|Europol|\
Red Cross|International Committee of the Red Cross|Amnesty International|Human Rights Watch|Greenpeace|\
International Criminal Court|ICC|European Court of Human Rights|Federal Reserve|Fed|Bundesbank|\
European Central Bank|ECB|Bank of England|Bank of Japan|Kremlin|White House|Pentagon|State Department|Congress|Senate|\
House of Representatives|Parliament|Duma|State Duma|Knesset|Bundestag|Supreme Court|FBI|CIA|NSA|KGB|FSB|Gazprom|\
Rosneft|Lukoil|Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|BBC|CNN|TASS|Itar-Tass|Interfax|RIA Novosti|\
Xinhua|Kyodo|ArmInfo|Armenpress|Al Jazeera|New York Times|Washington Post|Wall Street Journal|Financial Times|\
General Motors|Ford|Chrysler|Toyota|Honda|Nissan|Volkswagen|BMW|Daimler|Mercedes|Siemens|Philips|Nokia|Ericsson|\
Microsoft|Apple|Google|Amazon|IBM|Intel|Boeing|Airbus|Exxon|Shell|BP|Chevron|Total|Sony|Samsung|Hyundai|\
Goldman Sachs|Morgan Stanley|JP Morgan|Citigroup|Deutsche Bank|HSBC|Barclays|UBS|Credit Suisse|Nasdaq|\
New York Stock Exchange|Democratic Party|Republican Party|Democrats|Republicans|Labour|Labour Party|Conservative Party|\
Conservatives|Liberal Democrats|Hamas|Hezbollah|Taliban|Al Qaeda|Islamic State|PLO|Fatah|ANC|Olympic Committee|IOC|\
FIFA|UEFA|Manchester United|Real Madrid|Barcelona|Bayern Munich|Juventus|Ajax|Arsenal|Chelsea|Liverpool";

/// Common given names (any language), to recognise unseen people.
pub const FIRST_NAMES: &str = "John|James|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Christopher|Daniel|\
Matthew|Anthony|Mark|Donald|Steven|Paul|Andrew|Joshua|Kenneth|Kevin|Brian|George|Edward|Ronald|Timothy|Jason|Jeffrey|\
Ryan|Jacob|Gary|Nicholas|Eric|Jonathan|Stephen|Larry|Justin|Scott|Brandon|Benjamin|Samuel|Frank|Gregory|Raymond|Alexander|\
Patrick|Jack|Dennis|Jerry|Tyler|Aaron|Jose|Henry|Adam|Douglas|Nathan|Peter|Zachary|Kyle|Walter|Harold|Jeremy|Ethan|Carl|\
Keith|Roger|Gerald|Christian|Terry|Sean|Arthur|Austin|Noah|Lawrence|Jesse|Joe|Bryan|Billy|Jordan|Albert|Dylan|Bruce|\
Willie|Gabriel|Alan|Juan|Logan|Wayne|Ralph|Roy|Eugene|Randy|Vincent|Russell|Louis|Philip|Bobby|Johnny|Bradley|Bill|Tom|\
Jim|Mike|Bob|Dave|Steve|Tony|Chris|Nick|Ben|Sam|Dan|Pete|Ted|Fred|Ian|Neil|Graham|Colin|Nigel|Martin|Simon|Hugh|Alastair|\
Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Nancy|Lisa|Margaret|Betty|Sandra|Ashley|\
Dorothy|Kimberly|Emily|Donna|Michelle|Carol|Amanda|Melissa|Deborah|Stephanie|Rebecca|Laura|Sharon|Cynthia|Kathleen|Amy|\
Shirley|Angela|Helen|Anna|Brenda|Pamela|Nicole|Samantha|Katherine|Emma|Ruth|Christine|Catherine|Debra|Rachel|Carolyn|\
Janet|Virginia|Maria|Heather|Diane|Julie|Joyce|Victoria|Kelly|Christina|Joan|Evelyn|Lauren|Judith|Olivia|Martha|Cheryl|\
Megan|Andrea|Hannah|Jacqueline|Ann|Jean|Alice|Kathryn|Gloria|Teresa|Doris|Sara|Janice|Julia|Marie|Madison|Grace|Judy|\
Theresa|Beverly|Denise|Marilyn|Amber|Danielle|Abigail|Brittany|Rose|Diana|Natalie|Sophia|Hillary|Madeleine|Angela|\
Hans|Klaus|Helmut|Gerhard|Wolfgang|Jurgen|Werner|Dieter|Karl|Friedrich|Franz|Otto|Heinz|Horst|Gunter|Manfred|Uwe|\
Jean|Pierre|Jacques|Francois|Michel|Alain|Philippe|Bernard|Claude|Louis|Nicolas|Laurent|Dominique|Henri|Yves|Marcel|\
Giuseppe|Giovanni|Marco|Luca|Antonio|Francesco|Mario|Paolo|Roberto|Carlo|Silvio|Romano|Massimo|Alessandro|Luigi|\
Carlos|Jose|Luis|Manuel|Miguel|Pedro|Javier|Fernando|Jorge|Diego|Pablo|Alejandro|Rafael|Sergio|Ricardo|Eduardo|Felipe|\
Vladimir|Sergei|Sergey|Dmitry|Dmitri|Alexei|Alexey|Andrei|Andrey|Nikolai|Ivan|Mikhail|Boris|Yuri|Viktor|Victor|Igor|\
Oleg|Pavel|Anatoly|Yevgeny|Gennady|Vitaly|Leonid|Valery|Stanislav|Nikol|Serzh|Robert|Levon|Armen|Ararat|Tigran|Ilham|\
Heydar|Aliyev|Alexander|Volodymyr|Petro|Viktor|Nursultan|Kassym-Jomart|Emomali|Shavkat|Recep|Ahmet|Mehmet|Mustafa|Ali|\
Mohammed|Mohamed|Muhammad|Ahmed|Ahmad|Hassan|Hussein|Abdullah|Omar|Khalid|Yasser|Saddam|Bashar|Hosni|Benjamin|Yitzhak|\
Shimon|Ariel|Ehud|Moshe|David|Wang|Li|Zhang|Liu|Chen|Xi|Hu|Jiang|Deng|Kim|Park|Lee|Hiroshi|Takeshi|Yoshiro|Shinzo|\
Narendra|Rahul|Sonia|Atal|Manmohan|Nawaz|Benazir|Imran|Nelson|Thabo|Jacob|Kofi|Boutros|Ban|Antonio|Jens|Javier|Ursula|\
Emmanuel|Angela|Olaf|Gordon|Tony|Margaret|Theresa|Boris|Rishi|Keir|Joe|Barack|Hillary|Bill|Ronald|Jimmy|Gerald|Dick|Newt|\
Al|Jesse|Ross|Pat|Bob|Dan|Colin|Madeleine|Condoleezza|Warren|Strobe|Madeleine|Lech|Vaclav|Arpad|Gyula|Viktor|Jan|Piotr|\
Krzysztof|Andrzej|Tomasz|Jozef|Zoran|Slobodan|Franjo|Alija|Radovan|Ratko|Momcilo|Kiro|Ivica|Goran|Nikos|Andreas|Kostas|\
Lars|Sven|Erik|Anders|Nils|Bjorn|Ole|Jens|Per|Mats|Pekka|Matti|Jari|Juha|Mika|Aleksander|Kjell|\
Harry|Hank|Evan|Trey|Mitch|Carly|Bernie|Mitt|Jeb|Rudy|Reince|Kellyanne|Ivanka|Melania|Kamala|Tulsi|Beto|Cory|Devin|\
Maxine|Sheila|Huma|Deval|Darrell|Rex|Elon|Sundar|Satya|Sheryl|Shawn|Dale|Charlie|Leroy|Marvin|Clint|Cody|Seth|Caleb|\
Owen|Wyatt|Elliot|Leo|Theo|Hugo|Tyrone|Reggie|Dwight|Cornel|Wes|Zach|Nate|Sasha|Stacy|Clive|Trevor|Roderick|\
Angus|Hamish|Fergus|Ewan|Rhys|Owain|Ciaran|Declan|Siobhan|Niamh|Aoife|Enda|Micheal|Bertie|Brendan|Seamus|Katie|Jenny|\
Jen|Becky|Beth|Liz|Lizzie|Betsy|Peggy|Meg|Suzanne|Susie|Joanne|Joann|Janie|Tammy|Wendy|Yvonne|Vicky|Vicki|\
Valerie|Vanessa|Veronica|Sylvia|Sophie|Stella|Rosa|Rosie|Paige|Phyllis|Priscilla|Norma|Nina|Nora|Naomi|Molly|Marsha|\
Marcia|Marjorie|Marian|Mabel|Lucy|Lydia|Lillian|Lena|Kristen|Kristin|Kelsey|Karla|Kara|Josephine|Jocelyn|Jeanne|\
Jeannette|Harriet|Frances|Ellen|Ella|Eleanor|Elaine|Edith|Esther|Erin|Erica|Dolores|Delia|Deirdre|Connie|Clara|Cindy|\
Cecilia|Camille|Bonnie|Beatrice|Audrey|Annie|Alison|Allison|Adele|Ada|Stacey|Ilhan|Rashida|Ayanna|Kyrsten|Annegret|\
Matteo|Jair|Lula|Dilma|Gustavo|Evo|Fidel|Yoshihide|Fumio|Junichiro|Taro|Jinping|Pervez|Ashraf|Abdel|Salman|Binali|\
Bibi|Naftali|Yair|Tzipi|Avigdor|Benny|Moqtada|Nouri|Haider|Masoud|Cyril|Uhuru|Raila|Yoweri|Goodluck|Muhammadu|\
Olusegun|Abiy|Emmerson|Teodoro|Joko|Mahathir|Najib|Thaksin|Yingluck|Prayuth|Kassym|Gurbanguly";

/// Titles, offices and roles that precede or follow a person's name; never part of it.
pub const TITLES: &str = "President|Vice President|Vice-President|Prime Minister|Premier|Deputy Prime Minister|Minister|\
Foreign Minister|Defence Minister|Defense Minister|Finance Minister|Interior Minister|Secretary|Secretary General|\
Secretary-General|General Secretary|Deputy|Chairman|Chairwoman|Chair|Chief|Chief Executive|CEO|Director|Director General|\
Director-General|Governor|Mayor|Senator|Sen.|Rep.|Representative|Congressman|Congresswoman|Ambassador|Envoy|Spokesman|\
Spokeswoman|Spokesperson|Commissioner|Chancellor|King|Queen|Prince|Princess|Emperor|Pope|Cardinal|Archbishop|Bishop|\
Patriarch|Rabbi|Imam|Sheikh|Ayatollah|General|Gen.|Lieutenant|Colonel|Col.|Major|Captain|Capt.|Admiral|Marshal|Sergeant|\
Commander|Judge|Justice|Attorney General|Prosecutor|Speaker|Leader|Head|Dr.|Dr|Mr.|Mr|Mrs.|Mrs|Ms.|Ms|Sir|Dame|Lord|Lady|\
Professor|Prof.|Coach|Manager|Analyst|Economist|Trader|Dealer|Official|Officer|Executive|Founder|Owner|Editor|Reporter|\
Correspondent|Ombudsman|Deputy Minister|Vice Chairman|Managing Director|Treasurer|Secretary of State|State Secretary|\
Undersecretary|Under Secretary|Assistant Secretary|Press Secretary|Adviser|Advisor|Counsellor|Councillor|Delegate|\
Negotiator|Mediator|Co-Chair|Co-Chairman|Catholicos|Metropolitan|Father|Sister|Brother|Saint|Crown Prince";

/// Words that end or head organisation names.
pub const ORG_WORDS: &str = "Inc|Inc.|Corp|Corp.|Corporation|Co|Co.|Company|Ltd|Ltd.|Limited|Plc|PLC|AG|SA|S.A.|NV|N.V.|\
GmbH|LLC|LP|Group|Holdings|Holding|Bank|Bancorp|Trust|Fund|Partners|Associates|Industries|International|Airlines|Airways|\
Motors|Systems|Technologies|Communications|Energy|Petroleum|Oil|Gas|Mining|Resources|Securities|Capital|Investments|\
Insurance|Financial|Ministry|Department|Agency|Office|Council|Committee|Commission|Board|Authority|Court|Assembly|Party|\
Union|Federation|Association|Organization|Organisation|Alliance|Front|Movement|Institute|University|College|School|\
Academy|Foundation|Society|Center|Centre|Club|United|City|Rovers|Wanderers|Athletic|FC|Exchange|Service|Services|Army|\
Navy|Force|Forces|Police|Guard|Church|Hospital|News|Times|Post|Journal|Telegraph|Herald|Press|Television|Radio|Network";

/// Nationality and group adjectives (other names, not places).
pub const NATIONALITIES: &str = "American|British|English|Scottish|Welsh|Irish|French|German|Italian|Spanish|Portuguese|\
Dutch|Belgian|Swiss|Austrian|Swedish|Norwegian|Danish|Finnish|Icelandic|Polish|Czech|Slovak|Hungarian|Romanian|Bulgarian|\
Greek|Turkish|Russian|Ukrainian|Belarusian|Georgian|Armenian|Azerbaijani|Azeri|Kazakh|Uzbek|Kyrgyz|Tajik|Turkmen|Chinese|\
Japanese|Korean|Indian|Pakistani|Afghan|Iranian|Iraqi|Syrian|Lebanese|Israeli|Palestinian|Jordanian|Saudi|Egyptian|\
Libyan|Tunisian|Algerian|Moroccan|Nigerian|Kenyan|Ethiopian|Somali|Sudanese|South African|Zimbabwean|Canadian|Mexican|\
Brazilian|Argentine|Argentinian|Chilean|Peruvian|Colombian|Venezuelan|Cuban|Australian|New Zealander|Indonesian|\
Malaysian|Thai|Vietnamese|Filipino|Serbian|Serb|Croatian|Croat|Bosnian|Muslim|Albanian|Macedonian|Slovenian|Lithuanian|\
Latvian|Estonian|Moldovan|Chechen|Kurdish|Kurd|Arab|Jewish|Christian|Catholic|Orthodox|Islamic|Shi'ite|Sunni|European|\
Asian|African|Western|Soviet|Yugoslav|Scandinavian|Caucasian|Baltic|Balkan|Latin|Hispanic|Olympic|Nobel|Internet";
