"""Given names that, in news, almost always name a woman or almost always a man.

Written by the team from general knowledge (not drawn from any corpus), for the speaker ranker's
gender feature: an article's "Mr." and "she" resolve by honorifics and pronouns near each name,
but a bare surname shared by a family ("Obama", "Clinton", "Sanders") lends its honorifics to
every full form of that surname, so "Mrs. Clinton" could point at "Bill Clinton". A first name
settles it. Names worn by women and men alike (Chris, Jan, Lee, Kelly, Lindsey, Jordan, Kim,
Robin, Leslie, Dana, Jean, Terry, Alex, Sam, Nour, Yuki, Ilham, ...) are in neither list, nor names that are
also words or places ("Said", "Roman", "Sri", "Petra"). Russian, Arab, Persian, African, South Asian, European,
Latin American and East Asian names stand beside English ones, for wire copy from everywhere. One word that is no
given name stands in the men's list because it opens men's names the way a given name does: "Ayatollah" (a
religious title worn by men only, which the name finder keeps as part of the name).
"""
from __future__ import annotations

from typing import Optional

FEMALE = frozenset("""
abigail ada adriana agnes aisha alexandra alexandria alice alicia alison allison amanda amber amelia amy ana
anastasia andrea angela angelina angelique anita ann anna anne annette antonia april ashley audrey ayesha
barbara beatrice becky belinda betsy betty beverly bonnie brenda bridget brittany camila carla carmen carol
caroline carolyn catherine cathy cecilia charlotte cheryl chloe christina christine cindy claire clara claudia
colleen connie constance cynthia daisy danielle daphne deborah debbie debra denise diana diane dianne donna
doris dorothy edith eileen elaine eleanor elena elisabeth elise eliza elizabeth ella ellen eloise emily emma
erica erin esther eva evelyn fatemeh fatima felicia fiona florence frances francesca gabriela gabrielle
geraldine gillian gina giovanna gladys gloria grace greta gwen gwendolyn hannah harriet heather heidi helen
helena hillary hilary hope ida ilhan ines ingrid irene iris isabel isabella ivana ivanka jacqueline jane janet
janice jasmine jeanne jennifer jenny jessica jill joan joanna joanne jocelyn josephine joy joyce judith judy
julia julie juliet justine karen katherine kathleen kathryn kathy katie katrina kayleigh kellyanne kirsten
kristen laura lauren leah leila lena liliana lillian linda lisa liz lois loretta lorraine louise lucia lucy
lydia lynn madeleine madeline maggie mallory marcia margaret margarita maria mariana marianne marie marilyn
marina marion marisa marjorie martha mary maryam maureen maxine megan melania melanie melinda melissa meryl
mia michele michelle mildred miranda molly monica nadia nancy naomi natalia natalie natasha nicole nikki
nina nora norma olga olivia pamela patricia paula pauline peggy penelope penny phyllis priscilla rachel
rebecca regina renee rita roberta rosa rosalind rose rosemary ruth sabrina sally samantha sandra sara sarah
sharon sheila shirley silvia simone sofia sonia sophia sophie stacey stephanie susan susanne suzanne svetlana
sylvia tamara tammy tanya teresa theresa tiffany tina tracy ursula valentina valerie vanessa vera veronica
victoria virginia vivian wanda wendy yolanda yvonne zahra zainab zoe
nasrin shirin parisa mahnaz masoumeh marzieh azadeh roya soheila leyla
yelena yekaterina ekaterina tatiana tatyana irina natalya galina lyudmila ludmila oksana yulia ksenia larisa nadezhda
alla elvira inna zoya daria darya polina alina kristina veronika hessa noura layla amal huda rania reem salma mona
hanan samira yasmin yasmine lina dalia rasha lubna amira hind basma ghada manal najla sahar suha zeinab farideh
fereshteh golnar mahsa niloufar narges sima elham neda shahla ladan minoo wanjiru amina ngozi chioma funmilayo folake
aminata fatou mariama thandeka nomvula zanele lerato naledi priya kavita meenakshi sunita lakshmi deepika pooja neha
shreya aishwarya indira smriti nirmala katrin annalena sabine birgit heike anke giorgia chiara giulia elisa federica
marta mila faith kayla maëlle aino abena ama akosua begoña milagros desislava radostina anahit lilit sadia
olena tiwonge maryorie gabriella jenna tess deirdre kadri liisa kaisa signe ingeborg astrid sigrid karin birgitta
agnieszka katarzyna magdalena malgorzata ewa joanna zofia anneke marieke femke lotte ilse mette pernille annika
guadalupe milagros lucía mercedes rocío pilar consuelo dolores inés ximena valeria daniela paola fernanda juliana
adwoa efua akua yaa abenaa nana-ama chiamaka adaeze ifeoma yetunde bukola halima hadiza zahara wambui akinyi achieng
nyambura njeri nomsa busisiwe lindiwe ayodele nkechi ngozika tsion hiwot meseret almaz selam yordanos
valeria silvina cristina fernanda dilma rina siti dewi megawati yuko keiko akiko naoko haruka sakura min-ji ji-woo
seo-yeon rasa ingrida kaja
amparo amélie anika anjali annegret arlene celeste colette corinne dolores edna elmarie fatmata gemma gohar gráinne
gülşen halima halina hanne hatice hélène jana jenna josefina kanokwan kate kemi kristin leanne liza lorna lucie
margarethe mariam marisol nadiia nagwa nighat nigar nokuthula nurcan paloma pimchanok renata ricarda rocío rukhsana
saima sana selin shona sinéad sylvie teresita tess yael yoshiko yuliia zawadi zhanar aoife ayşe ayse fatma zeynep elif
agnieszka małgorzata katarzyna ewa magdalena ute achieng juliana siobhán siobhan nóirín niamh caoimhe róisín máire
bríd orla tsehay meseret hirut tigist almaz kamala morag mhairi isla kirsty eilidh sigríður tanvi
nodira yumiko rosalinda corazon seble tahmina rajeshwari meenakshi luciana geneviève genevieve
nadine margit elin piret ülle rosalina gisela yelitza joaquina shahana hasnah aminath zarmina larissa rhea maricel
lisbeth katrien nathalie inês fiorella rehema clementine vestine esnart eleni savitri kamla vesna sanja marija aishath
nurul aisyah yusmary
marcela monika beatriz rokiah marguerite ingvild marlene miriam reina filomena zélia zelia khady adja ndeye ilinca sanna pirjo riitta tuula annelies lieke zuzana lenka iryna tetiana nataliya halyna yuliya anastasiya blerta arta vjosa shqipe mimoza thandiwe yui misaki huong joana
""".split())

MALE = frozenset("""
aaron abdullah abraham adam adrian ahmad ahmed alan albert alberto alejandro alexander alexei alfred ali allen
alvin amir andre andrei andrew andy angelo anthony antonio arnold arthur austin barack barry ben benjamin
bernard bernie bill billy bob bobby boris brad bradley brandon brent brett brian bruce bryan byron calvin
carl carlos cecil chad charles charlie chuck clarence claude clifford clint clyde cody colin conrad corey cory
craig curtis dale dan daniel danny darrell darren dave david dennis derek dick dmitry dmitri don donald
doug douglas duane dwight earl ed eddie edgar eduardo edward edwin elijah elliot emmanuel enrique eric erik
ernest eugene evan felix fernando francis francisco frank franklin fred frederick gabriel gary gene geoffrey
george gerald gilbert glenn gordon graham greg gregory gustavo hamid hank harold harry harvey hassan hector
henry herbert herman hossein howard hugh hugo ian igor isaac ivan jack jacob jake james jared jason javad
javier jay jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan jorge jose
joseph josh joshua juan julian justin karl keith ken kenneth kevin kurt kyle lance larry lawrence leo leon
leonard leroy lester lewis lloyd louis lucas luis luke malcolm manuel marco marcus mario mark martin marvin
matt matthew maurice max melvin michael miguel mike milton mitch mitchell mohammad mohammed muhammad
mahmoud masoud mehdi mehmet morris moses nathan neil nelson newt nicholas nick nigel noah norman oliver omar
oscar otis owen pablo patrick paul pedro peter philip phillip pierre rafael ralph ramon randall randy raul
ray raymond reggie reza richard rick ricky rob robert roberto rod roger roland ron ronald ross roy rudolph
rudy russell ryan salvador samuel scott sean sergei sergey seth shane shawn sidney simon stanley stephen
steve steven stuart ted terrence theodore thomas tim timothy toby todd tom tommy tony travis troy tyler
vernon victor vince vincent vladimir wade walter warren wayne wesley wilbur willard william willie wilson
xavier yusuf zachary abbas ataollah ebrahim hashem kazem mojtaba mostafa saeed akbar ayatollah
pavel yevgeny evgeny alexey aleksei nikolai nikolay andrey mikhail oleg yuri yury viktor vyacheslav valery valeri
anatoly gennady konstantin maxim denis artem artyom kirill ruslan timur bakhtiyor shavkat rustam nursultan kassym-jomart
mohamed khalid faisal majed majid hussein youssef yousef tariq karim nabil walid samir fahd salman abdulaziz mustafa
ibrahim ismail jamal rashid nasser esmaeil mohsen hamza hamzah zainal abubakar bola olusegun muhammadu goodluck yemi
chinedu emeka tunde kwame kofi jomo uhuru tesfaye abiy cyril thabo narendra rahul amit arvind ramesh anil vijay sanjay
rajiv manmohan arjun suresh mahesh dinesh olaf friedrich markus wolfgang gerhard helmut frank-walter horst giorgio
matteo luigi giuseppe sergio paolo tomas tomás ricardo alvaro álvaro diego andres andrés joaquin joaquín arif dedi
joko prabowo anwar mahathir najib takeshi shinzo fumio yoshihide taro hiroshi kenji piotr andrzej mateusz jaroslaw
abdel-rahman abdulrahman ahmet alparslan anand anders andrii andriy antony arkady armen arnel asif avi babatunde badr
bahram bambang basem bashar bilawal boniface brendan celso ciarán clemens darius davide declan desmond didier fabrizio
farhad farrukh firoz flavio freddie frederico gareth gennadi giovanni gleb ghulam hadi hakan hamad hamdan hardeep
haridas harlan harun hazem henrik hideo hirokazu héctor ifeanyi ihor iker imran irungu jair jairam jonas joão julien
juma kenta kestutis kithure kourosh kunle lars laurent levent levon luiz marcel marcio marcos marek marwan masahiro
matthias mick moshe murat mykhailo mykola naveed nurbek ofir olatunde oleh osama ozgur pieter raila raj rakesh randhir
rasheed rauf ravindra recep rodrigo ruben saif selim serhii shahid sibusiso sipho steffen stephane sudhanshu sylvain
tadeusz taras tarik tayyip teodoro thanakorn themba tobias tolga tomasz tuncay tyrell umaru vitalii volodymyr walt
wes wichai yair yisrael yoav yoshimasa étienne şükrü georges seán pádraig eoin cian dónal colm fergal diarmuid tadhg
yohannes abebe dawit mulugeta getachew girma somchai rudi alasdair calum hamish angus iain ewan ruaridh guðmundur arnar vikram
kieran imtiaz tamirat sherzod jahongir grzegorz paweł kemal hüseyin otávio masayuki tetsuo kipchumba erasto arturo
klaus hans erich jürgen juergen günter dieter uwe rolf kjetil olav sigurd bjørn torbjørn jens sven nils gunnar
joost willem jeroen bram sander thijs ruud raúl martín gonzalo ignacio mateo emilio esteban fernando
guillermo jorge javier alejandro manuel rafael pablo cheikh moussa mahamat ousmane mamadou amadou souleymane abdoulaye
idrissa boubacar kwaku kwabena kwasi yaw kojo kweku kwadwo lwazi sizwe bongani mandla thulani athumani juma
hamisi baraka musa emre burak mehmet mustafa levan giorgi irakli davit nurlan bakyt askar yerlan timur ruslan
callum graeme fraser euan sunil rajesh deepak sanjeev haider zaid abdelkader osman rami walid youssef karim omar
faisal mahmoud ahmed mohammed mohamed sergei sergey dmitry dmitri alexei aleksei nikolai vladimir igor oleg andrei
yevgeny mikhail pavel artyom artem maxim denis kirill eli ehud yossi itzik amir avraham yitzhak
korbinian benedikt yannick adérito renzo ernesto tanvir chaminda marcelo luca oskar ettore anton tomislav nikolas
fathi azamat terje søren ole rubén félix osvaldo wanderson felipe federico aliou rodrigue
ramón néstor nestor oleksandr luc jonah liam rohan suleiman khaled rachid mourad ghassan bilal roderick mauricio théo theo kasper takumi ryota kazuki haruto daisuke shinji dragan nenad mbaye amos einar ólafur olafur rui mohd brody mikkel wouter bart jaroslav miroslav tomáš jiří jiri dmytro bohdan vasyl yuriy arben besnik driton agron valon artan fatos ilir aleksandr tuan duc joao tiago gonçalo duarte afonso
""".split())


def given_name_gender(name_words: list[str]) -> Optional[int]:
    """+1 when the name's first word is a man's given name, -1 a woman's, None when unknown or shared."""
    if len(name_words) < 2:
        return None  # a lone word is a surname ("Bush"), not a given name
    first = name_words[0].casefold().strip(".\"“”")
    if "-" in first and first not in FEMALE and first not in MALE:
        first = first.split("-")[0]  # a compound given name by its first ("Anne-Sophie", "Marie-Claire")
    if first in FEMALE or first == "mrs":  # "Mrs. Robert L. Hanley": a wife named by her husband's name
        return -1
    if first in MALE:
        return 1
    return None
