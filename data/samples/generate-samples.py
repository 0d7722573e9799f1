#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# generate-samples.py: writes the three bundled sample datasets of Cityrank.
#
#   advanced-manufacturing-cities.cityrank.xml      100 cities, 27 indicators, 2020-2021;
#                                                    ILLUSTRATIVE values generated here
#   shenzhen-emerging-industries-2020.cityrank.xml   Shenzhen's published 2020 figures
#   chinese-cities-yearbook.cityrank.xml             279 cities from yearbook_light.csv
#
# Run by hand (not by the build or CI); the generated files are committed:
#
#   python3 data/samples/generate-samples.py [--shared ../shared] [--out data/samples]
#
# Python 3 standard library only.  Deterministic: a fixed seed, a fixed order of
# random draws and a fixed number of calibration rounds, so the same script gives
# the same bytes.  See README.md in this directory for what each dataset holds.

import argparse
import csv
import math
import os
import random
import statistics
import sys
from xml.sax.saxutils import escape

SEED = 20211129  # the day CCID released the 2021 list
NS = "https://cityrank.github.io/ns/dataset/1"

# ---------------------------------------------------------------------------
# Geography shared by the datasets
# ---------------------------------------------------------------------------

REGION_OF_PROVINCE = {
    # National Bureau of Statistics' four economic regions
    "Beijing": "East", "Tianjin": "East", "Hebei": "East", "Shanghai": "East",
    "Jiangsu": "East", "Zhejiang": "East", "Fujian": "East", "Shandong": "East",
    "Guangdong": "East", "Hainan": "East",
    "Shanxi": "Central", "Anhui": "Central", "Jiangxi": "Central", "Henan": "Central",
    "Hubei": "Central", "Hunan": "Central",
    "Inner Mongolia": "West", "Guangxi": "West", "Chongqing": "West", "Sichuan": "West",
    "Guizhou": "West", "Yunnan": "West", "Tibet": "West", "Shaanxi": "West",
    "Gansu": "West", "Qinghai": "West", "Ningxia": "West", "Xinjiang": "West",
    "Liaoning": "Northeast", "Jilin": "Northeast", "Heilongjiang": "Northeast",
}

# Display names of the group values (the <groups> section): the standard Chinese
# names of the provinces (short forms, without 省/自治区/市), of the four regions and of
# the administrative levels.  The English name is the value itself, so none is written.
PROVINCE_ZH = {
    "Beijing": "北京", "Tianjin": "天津", "Hebei": "河北", "Shanghai": "上海",
    "Jiangsu": "江苏", "Zhejiang": "浙江", "Fujian": "福建", "Shandong": "山东",
    "Guangdong": "广东", "Hainan": "海南",
    "Shanxi": "山西", "Anhui": "安徽", "Jiangxi": "江西", "Henan": "河南",
    "Hubei": "湖北", "Hunan": "湖南",
    "Inner Mongolia": "内蒙古", "Guangxi": "广西", "Chongqing": "重庆", "Sichuan": "四川",
    "Guizhou": "贵州", "Yunnan": "云南", "Tibet": "西藏", "Shaanxi": "陕西",
    "Gansu": "甘肃", "Qinghai": "青海", "Ningxia": "宁夏", "Xinjiang": "新疆",
    "Liaoning": "辽宁", "Jilin": "吉林", "Heilongjiang": "黑龙江",
}
REGION_ZH = {"East": "东部", "Central": "中部", "West": "西部", "Northeast": "东北"}
ADMIN_LEVEL_ZH = {
    "municipality": "直辖市", "sub-provincial city": "副省级城市",
    "provincial capital": "省会城市", "prefecture-level city": "地级市",
}

# Province abbreviations used to tell homonymous cities apart in codes.
PROVINCE_ABBREV = {
    "Jiangsu": "JS", "Zhejiang": "ZJ", "Anhui": "AH", "Fujian": "FJ",
    "Jiangxi": "JX", "Heilongjiang": "HL", "Guangxi": "GX", "Shaanxi": "SN",
}

# Chinese name (without 市) -> (English name, province).  English names are the
# pinyin without tones, or the established English form where one exists
# (Hohhot, Ordos, Harbin, Lhasa, Urumqi, ...).
CITY_FACTS = {
    "金昌": ("Jinchang", "Gansu"), "儋州": ("Danzhou", "Hainan"),
    "鹤岗": ("Hegang", "Heilongjiang"), "伊春": ("Yichun", "Heilongjiang"),
    "乌海": ("Wuhai", "Inner Mongolia"), "石嘴山": ("Shizuishan", "Ningxia"),
    "双鸭山": ("Shuangyashan", "Heilongjiang"), "鸡西": ("Jixi", "Heilongjiang"),
    "资阳": ("Ziyang", "Sichuan"), "本溪": ("Benxi", "Liaoning"),
    "辽源": ("Liaoyuan", "Jilin"), "汕尾": ("Shanwei", "Guangdong"),
    "云浮": ("Yunfu", "Guangdong"), "攀枝花": ("Panzhihua", "Sichuan"),
    "潮州": ("Chaozhou", "Guangdong"), "白山": ("Baishan", "Jilin"),
    "通化": ("Tonghua", "Jilin"), "黑河": ("Heihe", "Heilongjiang"),
    "渭南": ("Weinan", "Shaanxi"), "白城": ("Baicheng", "Jilin"),
    "固原": ("Guyuan", "Ningxia"), "阳泉": ("Yangquan", "Shanxi"),
    "中卫": ("Zhongwei", "Ningxia"), "景德镇": ("Jingdezhen", "Jiangxi"),
    "盘锦": ("Panjin", "Liaoning"), "鹰潭": ("Yingtan", "Jiangxi"),
    "贺州": ("Hezhou", "Guangxi"), "陇南": ("Longnan", "Gansu"),
    "池州": ("Chizhou", "Anhui"), "张家界": ("Zhangjiajie", "Hunan"),
    "防城港": ("Fangchenggang", "Guangxi"), "辽阳": ("Liaoyang", "Liaoning"),
    "雅安": ("Ya'an", "Sichuan"), "鄂州": ("Ezhou", "Hubei"),
    "阳江": ("Yangjiang", "Guangdong"), "铜陵": ("Tongling", "Anhui"),
    "阜新": ("Fuxin", "Liaoning"), "内江": ("Neijiang", "Sichuan"),
    "丽江": ("Lijiang", "Yunnan"), "鹤壁": ("Hebi", "Henan"),
    "韶关": ("Shaoguan", "Guangdong"), "来宾": ("Laibin", "Guangxi"),
    "抚顺": ("Fushun", "Liaoning"), "揭阳": ("Jieyang", "Guangdong"),
    "广安": ("Guang'an", "Sichuan"), "遂宁": ("Suining", "Sichuan"),
    "乐山": ("Leshan", "Sichuan"), "三门峡": ("Sanmenxia", "Henan"),
    "随州": ("Suizhou", "Hubei"), "吴忠": ("Wuzhong", "Ningxia"),
    "崇左": ("Chongzuo", "Guangxi"), "舟山": ("Zhoushan", "Zhejiang"),
    "巴彦淖尔": ("Bayannur", "Inner Mongolia"), "广元": ("Guangyuan", "Sichuan"),
    "莱芜": ("Laiwu", "Shandong"), "淮北": ("Huaibei", "Anhui"),
    "肇庆": ("Zhaoqing", "Guangdong"), "巴中": ("Bazhong", "Sichuan"),
    "保山": ("Baoshan", "Yunnan"), "朔州": ("Shuozhou", "Shanxi"),
    "普洱": ("Pu'er", "Yunnan"), "丹东": ("Dandong", "Liaoning"),
    "萍乡": ("Pingxiang", "Jiangxi"), "乌兰察布": ("Ulanqab", "Inner Mongolia"),
    "西安": ("Xi'an", "Shaanxi"), "佳木斯": ("Jiamusi", "Heilongjiang"),
    "眉山": ("Meishan", "Sichuan"), "自贡": ("Zigong", "Sichuan"),
    "酒泉": ("Jiuquan", "Gansu"), "葫芦岛": ("Huludao", "Liaoning"),
    "牡丹江": ("Mudanjiang", "Heilongjiang"), "铁岭": ("Tieling", "Liaoning"),
    "海东": ("Haidong", "Qinghai"), "漯河": ("Luohe", "Henan"),
    "娄底": ("Loudi", "Hunan"), "临沧": ("Lincang", "Yunnan"),
    "梧州": ("Wuzhou", "Guangxi"), "三亚": ("Sanya", "Hainan"),
    "湘潭": ("Xiangtan", "Hunan"), "河源": ("Heyuan", "Guangdong"),
    "武威": ("Wuwei", "Gansu"), "平凉": ("Pingliang", "Gansu"),
    "黄山": ("Huangshan", "Anhui"), "朝阳": ("Chaoyang", "Liaoning"),
    "天水": ("Tianshui", "Gansu"), "鞍山": ("Anshan", "Liaoning"),
    "德阳": ("Deyang", "Sichuan"), "钦州": ("Qinzhou", "Guangxi"),
    "濮阳": ("Puyang", "Henan"), "昭通": ("Zhaotong", "Yunnan"),
    "定西": ("Dingxi", "Gansu"), "安顺": ("Anshun", "Guizhou"),
    "茂名": ("Maoming", "Guangdong"), "梅州": ("Meizhou", "Guangdong"),
    "贵港": ("Guigang", "Guangxi"), "衢州": ("Quzhou", "Zhejiang"),
    "永州": ("Yongzhou", "Hunan"), "丽水": ("Lishui", "Zhejiang"),
    "咸宁": ("Xianning", "Hubei"), "营口": ("Yingkou", "Liaoning"),
    "北海": ("Beihai", "Guangxi"), "新余": ("Xinyu", "Jiangxi"),
    "大同": ("Datong", "Shanxi"), "呼伦贝尔": ("Hulunbuir", "Inner Mongolia"),
    "大庆": ("Daqing", "Heilongjiang"), "忻州": ("Xinzhou", "Shanxi"),
    "锦州": ("Jinzhou", "Liaoning"), "齐齐哈尔": ("Qiqihar", "Heilongjiang"),
    "抚州": ("Fuzhou", "Jiangxi"), "荆门": ("Jingmen", "Hubei"),
    "晋城": ("Jincheng", "Shanxi"), "湛江": ("Zhanjiang", "Guangdong"),
    "怀化": ("Huaihua", "Hunan"), "吕梁": ("Lüliang", "Shanxi"),
    "泸州": ("Luzhou", "Sichuan"), "焦作": ("Jiaozuo", "Henan"),
    "玉溪": ("Yuxi", "Yunnan"), "绥化": ("Suihua", "Heilongjiang"),
    "淮南": ("Huainan", "Anhui"), "白银": ("Baiyin", "Gansu"),
    "南充": ("Nanchong", "Sichuan"), "宣城": ("Xuancheng", "Anhui"),
    "河池": ("Hechi", "Guangxi"), "四平": ("Siping", "Jilin"),
    "三明": ("Sanming", "Fujian"), "达州": ("Dazhou", "Sichuan"),
    "通辽": ("Tongliao", "Inner Mongolia"), "百色": ("Baise", "Guangxi"),
    "庆阳": ("Qingyang", "Gansu"), "松原": ("Songyuan", "Jilin"),
    "汕头": ("Shantou", "Guangdong"), "马鞍山": ("Ma'anshan", "Anhui"),
    "张掖": ("Zhangye", "Gansu"), "清远": ("Qingyuan", "Guangdong"),
    "宜宾": ("Yibin", "Sichuan"), "益阳": ("Yiyang", "Hunan"),
    "龙岩": ("Longyan", "Fujian"), "十堰": ("Shiyan", "Hubei"),
    "黄石": ("Huangshi", "Hubei"), "拉萨": ("Lhasa", "Tibet"),
    "晋中": ("Jinzhong", "Shanxi"), "孝感": ("Xiaogan", "Hubei"),
    "邵阳": ("Shaoyang", "Hunan"), "铜仁": ("Tongren", "Guizhou"),
    "长治": ("Changzhi", "Shanxi"), "蚌埠": ("Bengbu", "Anhui"),
    "南平": ("Nanping", "Fujian"), "岳阳": ("Yueyang", "Hunan"),
    "株洲": ("Zhuzhou", "Hunan"), "鄂尔多斯": ("Ordos", "Inner Mongolia"),
    "郴州": ("Chenzhou", "Hunan"), "安阳": ("Anyang", "Henan"),
    "常德": ("Changde", "Hunan"), "临汾": ("Linfen", "Shanxi"),
    "吉安": ("Ji'an", "Jiangxi"), "西宁": ("Xining", "Qinghai"),
    "江门": ("Jiangmen", "Guangdong"), "平顶山": ("Pingdingshan", "Henan"),
    "玉林": ("Yulin", "Guangxi"), "东营": ("Dongying", "Shandong"),
    "包头": ("Baotou", "Inner Mongolia"), "荆州": ("Jingzhou", "Hubei"),
    "秦皇岛": ("Qinhuangdao", "Hebei"), "宁德": ("Ningde", "Fujian"),
    "新乡": ("Xinxiang", "Henan"), "衡阳": ("Hengyang", "Hunan"),
    "承德": ("Chengde", "Hebei"), "六盘水": ("Liupanshui", "Guizhou"),
    "绵阳": ("Mianyang", "Sichuan"), "滁州": ("Chuzhou", "Anhui"),
    "莆田": ("Putian", "Fujian"), "柳州": ("Liuzhou", "Guangxi"),
    "赤峰": ("Chifeng", "Inner Mongolia"), "六安": ("Lu'an", "Anhui"),
    "宜昌": ("Yichang", "Hubei"), "日照": ("Rizhao", "Shandong"),
    "许昌": ("Xuchang", "Henan"), "运城": ("Yuncheng", "Shanxi"),
    "信阳": ("Xinyang", "Henan"), "枣庄": ("Zaozhuang", "Shandong"),
    "安庆": ("Anqing", "Anhui"), "桂林": ("Guilin", "Guangxi"),
    "宿州": ("Suzhou", "Anhui"), "宜春": ("Yichun", "Jiangxi"),
    "芜湖": ("Wuhu", "Anhui"), "曲靖": ("Qujing", "Yunnan"),
    "毕节": ("Bijie", "Guizhou"), "张家口": ("Zhangjiakou", "Hebei"),
    "商丘": ("Shangqiu", "Henan"), "开封": ("Kaifeng", "Henan"),
    "漳州": ("Zhangzhou", "Fujian"), "湖州": ("Huzhou", "Zhejiang"),
    "镇江": ("Zhenjiang", "Jiangsu"), "上饶": ("Shangrao", "Jiangxi"),
    "黄冈": ("Huanggang", "Hubei"), "德州": ("Dezhou", "Shandong"),
    "九江": ("Jiujiang", "Jiangxi"), "泰安": ("Tai'an", "Shandong"),
    "呼和浩特": ("Hohhot", "Inner Mongolia"), "襄阳": ("Xiangyang", "Hubei"),
    "驻马店": ("Zhumadian", "Henan"), "衡水": ("Hengshui", "Hebei"),
    "滨州": ("Binzhou", "Shandong"), "威海": ("Weihai", "Shandong"),
    "周口": ("Zhoukou", "Henan"), "连云港": ("Lianyungang", "Jiangsu"),
    "亳州": ("Bozhou", "Anhui"), "泰州": ("Taizhou", "Jiangsu"),
    "吉林": ("Jilin", "Jilin"), "乌鲁木齐": ("Urumqi", "Xinjiang"),
    "赣州": ("Ganzhou", "Jiangxi"), "唐山": ("Tangshan", "Hebei"),
    "聊城": ("Liaocheng", "Shandong"), "洛阳": ("Luoyang", "Henan"),
    "银川": ("Yinchuan", "Ningxia"), "廊坊": ("Langfang", "Hebei"),
    "淮安": ("Huai'an", "Jiangsu"), "宿迁": ("Suqian", "Jiangsu"),
    "沧州": ("Cangzhou", "Hebei"), "遵义": ("Zunyi", "Guizhou"),
    "阜阳": ("Fuyang", "Anhui"), "海口": ("Haikou", "Hainan"),
    "绍兴": ("Shaoxing", "Zhejiang"), "台州": ("Taizhou", "Zhejiang"),
    "中山": ("Zhongshan", "Guangdong"), "淄博": ("Zibo", "Shandong"),
    "邢台": ("Xingtai", "Hebei"), "嘉兴": ("Jiaxing", "Zhejiang"),
    "惠州": ("Huizhou", "Guangdong"), "南阳": ("Nanyang", "Henan"),
    "太原": ("Taiyuan", "Shanxi"), "兰州": ("Lanzhou", "Gansu"),
    "珠海": ("Zhuhai", "Guangdong"), "南昌": ("Nanchang", "Jiangxi"),
    "盐城": ("Yancheng", "Jiangsu"), "常州": ("Changzhou", "Jiangsu"),
    "邯郸": ("Handan", "Hebei"), "扬州": ("Yangzhou", "Jiangsu"),
    "菏泽": ("Heze", "Shandong"), "哈尔滨": ("Harbin", "Heilongjiang"),
    "保定": ("Baoding", "Hebei"), "温州": ("Wenzhou", "Zhejiang"),
    "南通": ("Nantong", "Jiangsu"), "金华": ("Jinhua", "Zhejiang"),
    "沈阳": ("Shenyang", "Liaoning"), "济宁": ("Jining", "Shandong"),
    "长春": ("Changchun", "Jilin"), "徐州": ("Xuzhou", "Jiangsu"),
    "贵阳": ("Guiyang", "Guizhou"), "大连": ("Dalian", "Liaoning"),
    "临沂": ("Linyi", "Shandong"), "佛山": ("Foshan", "Guangdong"),
    "泉州": ("Quanzhou", "Fujian"), "无锡": ("Wuxi", "Jiangsu"),
    "烟台": ("Yantai", "Shandong"), "潍坊": ("Weifang", "Shandong"),
    "合肥": ("Hefei", "Anhui"), "福州": ("Fuzhou", "Fujian"),
    "昆明": ("Kunming", "Yunnan"), "宁波": ("Ningbo", "Zhejiang"),
    "南宁": ("Nanning", "Guangxi"), "长沙": ("Changsha", "Hunan"),
    "济南": ("Jinan", "Shandong"), "石家庄": ("Shijiazhuang", "Hebei"),
    "厦门": ("Xiamen", "Fujian"), "东莞": ("Dongguan", "Guangdong"),
    "武汉": ("Wuhan", "Hubei"), "青岛": ("Qingdao", "Shandong"),
    "杭州": ("Hangzhou", "Zhejiang"), "郑州": ("Zhengzhou", "Henan"),
    "天津": ("Tianjin", "Tianjin"), "苏州": ("Suzhou", "Jiangsu"),
    "成都": ("Chengdu", "Sichuan"), "重庆": ("Chongqing", "Chongqing"),
    "广州": ("Guangzhou", "Guangdong"), "南京": ("Nanjing", "Jiangsu"),
    "北京": ("Beijing", "Beijing"), "上海": ("Shanghai", "Shanghai"),
    "深圳": ("Shenzhen", "Guangdong"),
    # a city of the manufacturing sample that is not in the yearbook file
    "宝鸡": ("Baoji", "Shaanxi"),
}

# English names shared by two cities; their codes carry a province suffix.
HOMONYMS = {"Suzhou", "Taizhou", "Fuzhou", "Yichun", "Yulin"}

SUB_PROVINCIAL = {"广州", "深圳", "杭州", "宁波", "南京", "济南", "青岛", "厦门", "武汉",
                  "成都", "西安", "沈阳", "大连", "长春", "哈尔滨"}
PROVINCIAL_CAPITALS = {"石家庄", "太原", "呼和浩特", "沈阳", "长春", "哈尔滨", "南京", "杭州",
                       "合肥", "福州", "南昌", "济南", "郑州", "武汉", "长沙", "广州", "南宁",
                       "海口", "成都", "贵阳", "昆明", "拉萨", "西安", "兰州", "西宁", "银川",
                       "乌鲁木齐"}


MUNICIPALITIES = {"北京", "天津", "上海", "重庆"}


def admin_level(zh):
    if zh in MUNICIPALITIES:
        return "municipality"
    if zh in SUB_PROVINCIAL:
        return "sub-provincial city"
    if zh in PROVINCIAL_CAPITALS:
        return "provincial capital"
    return "prefecture-level city"


def city_code(zh):
    """Uppercase ASCII of the English name; homonyms get a province suffix."""
    en, province = CITY_FACTS[zh]
    code = "".join(ch for ch in en.replace("ü", "u") if ch.isalpha()).upper()
    if en in HOMONYMS:
        code += "_" + PROVINCE_ABBREV[province]
    return code


# ---------------------------------------------------------------------------
# XML output
# ---------------------------------------------------------------------------

def num(x):
    """The canonical number form: the shortest of %.15g, %.16g and %.17g that reads
    back to the same double."""
    x = float(x)
    if not math.isfinite(x):
        raise ValueError("non-finite value %r" % x)
    for precision in (15, 16, 17):
        s = "%.*g" % (precision, x)
        if float(s) == x:
            break
    if "e" in s:
        raise ValueError("value %r would need an exponent" % x)
    return s


def attr(value):
    return escape(str(value), {'"': "&quot;", "\n": "&#10;", "\t": "&#9;"})


class Xml:
    def __init__(self):
        self.lines = ['<?xml version="1.0" encoding="UTF-8"?>']
        self.depth = 0

    def _attrs(self, attrs):
        return "".join(' %s="%s"' % (k, attr(v)) for k, v in attrs if v is not None)

    def open(self, tag, *attrs):
        self.lines.append("  " * self.depth + "<%s%s>" % (tag, self._attrs(attrs)))
        self.depth += 1

    def close(self, tag):
        self.depth -= 1
        self.lines.append("  " * self.depth + "</%s>" % tag)

    def empty(self, tag, *attrs):
        self.lines.append("  " * self.depth + "<%s%s/>" % (tag, self._attrs(attrs)))

    def text(self, tag, text, *attrs):
        self.lines.append("  " * self.depth + "<%s%s>%s</%s>"
                          % (tag, self._attrs(attrs), escape(text), tag))

    def comment(self, text):
        self.lines.append("  " * self.depth + "<!-- %s -->" % text)

    def bilingual(self, tag, en, zh):
        if en is not None:
            self.text(tag, en)
        if zh is not None:
            self.text(tag, zh, ("xml:lang", "zh-CN"))

    def result(self):
        return "\n".join(self.lines) + "\n"


# The standard Chinese statistical units of the units the samples use; a unit written the
# same in both languages (%) gets no unit-zh.
UNIT_ZH = {
    "%": "%",
    "billion yuan": "十亿元",
    "100 million yuan": "亿元",
    "10,000 yuan": "万元",
    "10,000 persons": "万人",
    "persons": "人",
    "enterprises": "家",
    "factories": "家",
    "patents": "件",
    "standards": "项",
    "sites": "个",
    "centres": "个",
    "points": "分",
    "tce per 10,000 yuan": "吨标准煤/万元",
    "m³ per 10,000 yuan": "立方米/万元",
    "kg per 10,000 yuan": "千克/万元",
    "10,000 yuan per mu": "万元/亩",
    "night-light sum": "夜间灯光总和",
}


def unit_zh(unit):
    if unit is None:
        return None
    zh = UNIT_ZH[unit]  # a new unit needs its Chinese here
    return None if zh == unit else zh

def write_dataset(path, ds):
    """ds: dict with metadata, cities, indicators, framework, method, values.

    Writes the canonical form of docs/dataset-format.md (what the program's writer
    emits), so that reading and saving a sample gives the same bytes."""
    x = Xml()
    x.open("dataset", ("xmlns", NS), ("version", "1"))

    m = ds["metadata"]
    x.open("metadata")
    x.bilingual("title", m["title"], m.get("title_zh"))
    for key in ("edition", "publisher", "source", "licence", "notes"):
        if key in ("publisher", "source", "notes"):
            x.bilingual(key, m.get(key), m.get(key + "_zh"))
        elif m.get(key) is not None:
            x.text(key, m[key])
    x.text("years", " ".join(str(y) for y in ds["years"]))
    x.close("metadata")

    x.open("cities")
    for c in ds["cities"]:
        x.open("city", ("code", c["code"]), ("province", c.get("province")),
               ("region", c.get("region")))
        x.bilingual("name", c["name"], c.get("name_zh"))
        for k, v in c.get("attributes", []):
            x.text("attribute", v, ("name", k))
        for year, rank in sorted(c.get("reference_ranks", {}).items()):
            x.text("reference-rank", str(rank), ("year", year))
        x.close("city")
    x.close("cities")

    if ds.get("groups"):
        x.open("groups")
        for attribute, value, en, zh in ds["groups"]:
            x.open("group", ("attribute", attribute), ("value", value))
            x.bilingual("name", en, zh)
            x.close("group")
        x.close("groups")

    x.open("indicators")
    for ind in ds["indicators"]:
        x.open("indicator", ("code", ind["code"]),
               ("kind", "denominator" if ind.get("kind") == "denominator" else None),
               ("direction", "-1" if ind.get("direction", 1) == -1 else None),
               ("unit", ind.get("unit")), ("unit-zh", unit_zh(ind.get("unit"))),
               ("denominator", ind.get("denominator")))
        x.bilingual("name", ind["name"], ind.get("name_zh"))
        x.bilingual("description", ind.get("description"), ind.get("description_zh"))
        if ind.get("source"):
            x.text("source", ind["source"])
        gp = ind.get("goalposts")
        if gp:
            x.empty("goalposts", *[(k, num(gp[k])) for k in ("low", "high", "target")
                                   if k in gp])
        x.close("indicator")
    x.close("indicators")

    def node(n):
        x.open("node", ("code", n["code"]), ("weight", num(n["weight"])))
        x.bilingual("name", n["name"], n.get("name_zh"))
        for child in n["children"]:
            if "children" in child:
                node(child)
            else:
                x.empty("indicator-ref", ("code", child["code"]),
                        ("weight", num(child["weight"])))
        x.close("node")

    x.open("framework")
    node(ds["framework"])
    x.close("framework")

    meth = ds.get("method")
    if meth is not None:
        x.open("method")
        x.empty("denomination", ("mode", meth["denomination"]))
        x.empty("imputation", ("mode", meth["imputation"]))
        x.empty("treatment", ("mode", meth["treatment"]), ("skew", "2"),
                ("kurtosis", "3.5"), ("max-points", "5"))
        x.empty("normalisation", ("mode", "minmax"), ("low", "0"), ("high", "100"))
        x.empty("weights", ("scheme", "dataset"), ("entropy-variant", "0"),
                ("topsis-variant", "0"))
        x.empty("aggregation", ("mode", "arithmetic"))
        x.empty("availability", ("threshold", "0"))
        if meth.get("tiers"):
            x.open("tiers", ("rule", "rank-bands"))
            for bound, en, zh in meth["tiers"]:
                x.open("tier", ("bound", num(bound)))
                x.bilingual("name", en, zh)
                x.close("tier")
            x.close("tiers")
        else:
            x.empty("tiers", ("rule", "none"))
        if meth.get("base_year"):
            x.text("base-year", str(meth["base_year"]))
        if meth.get("group_ranks"):
            x.empty("group-ranks", ("attribute", meth["group_ranks"]))
        x.close("method")

    x.open("values")
    codes = [i["code"] for i in ds["indicators"]]
    for c in ds["cities"]:
        x.open("city", ("code", c["code"]))
        for year in ds["years"]:
            cells = ds["values"].get((c["code"], year), {})
            if not cells:
                continue
            x.open("year", ("value", str(year)))
            for code in codes:
                if code not in cells:
                    continue
                value, status, note = cells[code]
                attrs = [("i", code),
                         ("status", status if status != "observed" else None),
                         ("note", note)]
                if value is None:
                    x.empty("v", *attrs)
                else:
                    x.text("v", num(value), *attrs)
            x.close("year")
        x.close("city")
    x.close("values")

    x.close("dataset")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(x.result())


# ---------------------------------------------------------------------------
# A small copy of the engine's arithmetic (docs/methodology.md): denomination by
# the dataset's denominators, min-max to [0, 100] with direction, weighted
# arithmetic means over the children present, competition ranking.  Used to
# calibrate the illustrative data and to check the result.
# ---------------------------------------------------------------------------

def compute_scores(ds, year):
    inds = {i["code"]: i for i in ds["indicators"]}
    cities = [c["code"] for c in ds["cities"]]
    norm = {}
    for code, ind in inds.items():
        if ind.get("kind") == "denominator":
            continue
        raw = {}
        for c in cities:
            cell = ds["values"].get((c, year), {}).get(code)
            if cell is None or cell[0] is None:
                continue
            v = cell[0]
            den = ind.get("denominator")
            if den:
                dcell = ds["values"].get((c, year), {}).get(den)
                if dcell is None or dcell[0] is None or dcell[0] == 0:
                    continue
                v = v / dcell[0]
            raw[c] = v
        lo, hi = min(raw.values()), max(raw.values())
        d = ind.get("direction", 1)
        norm[code] = {c: (50.0 if hi == lo else
                          100.0 * ((v - lo) if d > 0 else (hi - v)) / (hi - lo))
                      for c, v in raw.items()}

    node_scores = {}

    def agg(n):
        total = {}
        for child in n["children"]:
            s = agg(child) if "children" in child else norm[child["code"]]
            for c, y in s.items():
                acc = total.setdefault(c, [0.0, 0.0])
                acc[0] += child["weight"] * y
                acc[1] += child["weight"]
        res = {c: a / w for c, (a, w) in total.items() if w > 0}
        node_scores[n["code"]] = res
        return res

    index = agg(ds["framework"])
    ordered = sorted(index.values(), reverse=True)
    ranks = {c: 1 + ordered.index(s) for c, s in index.items()}
    return index, ranks, node_scores


# ---------------------------------------------------------------------------
# 1. advanced-manufacturing-cities (illustrative)
# ---------------------------------------------------------------------------

# (Chinese name, resident population 2020 in 10k persons (near the 2020 census,
# rounded), target rank 2021, manufacturing orientation m, dimension profile).
# Target ranks: the published 2021 rank where press reports give one (see
# REFERENCE_2021 below), otherwise our own illustrative placement in the free slots.
# m > 0: manufacturing-heavy economy (more output per unit of GDP, more firms);
# profile: offsets of the dimensions INNOV, INTEG, ECON, BRAND, GREEN from the
# city's overall strength.
MFG_CITIES = [
    ("深圳", 1756, 1, 0.2, (0.5, 0.5, 0.3, 0.3, 0.4)),
    ("广州", 1868, 2, -0.5, (0.3, 0.3, -0.2, 0.2, 0.3)),
    ("苏州", 1275, 3, 0.6, (0.0, 0.2, 0.5, 0.1, 0.0)),
    ("杭州", 1194, 4, -0.3, (0.3, 0.7, -0.3, 0.2, 0.3)),
    ("南京", 931, 5, -0.2, (0.5, 0.1, -0.2, 0.0, 0.1)),
    ("宁波", 940, 6, 0.5, (-0.1, 0.0, 0.2, 0.5, -0.2)),
    ("青岛", 1007, 7, 0.1, (0.0, 0.1, 0.0, 0.3, 0.1)),
    ("武汉", 1233, 8, -0.1, (0.4, 0.0, -0.1, 0.0, 0.0)),
    ("成都", 2094, 9, -0.3, (0.3, 0.2, -0.1, -0.1, 0.1)),
    ("长沙", 1005, 10, -0.1, (0.1, 0.1, 0.0, 0.2, 0.1)),
    ("合肥", 937, 11, 0.1, (0.6, 0.1, 0.0, -0.2, 0.0)),
    ("厦门", 516, 12, -0.1, (0.3, 0.3, -0.3, 0.4, 0.6)),
    ("无锡", 746, 13, 0.5, (0.0, 0.2, 0.3, 0.0, 0.0)),
    ("郑州", 1260, 14, -0.1, (0.0, 0.0, 0.3, -0.2, 0.0)),
    ("济南", 920, 15, -0.3, (0.3, 0.2, -0.2, 0.0, -0.1)),
    ("常州", 528, 16, 0.4, (0.2, 0.2, 0.1, 0.0, 0.2)),
    ("南通", 773, 17, 0.4, (-0.1, 0.0, 0.3, 0.0, 0.1)),
    ("佛山", 950, 18, 0.9, (-0.4, 0.0, 0.7, 0.0, -0.1)),
    ("东莞", 1047, 19, 0.9, (-0.6, -0.1, 0.9, -0.7, 0.0)),
    ("西安", 1295, 20, -0.3, (0.6, 0.0, -0.2, -0.2, 0.0)),
    ("福州", 829, 21, -0.2, (0.0, 0.2, 0.0, 0.0, 0.2)),
    ("泉州", 878, 22, 0.5, (-0.4, -0.2, 0.5, 0.3, 0.0)),
    ("烟台", 710, 23, 0.3, (-0.1, -0.1, 0.3, 0.1, 0.0)),
    ("徐州", 908, 24, 0.2, (0.0, 0.0, 0.2, -0.1, -0.2)),
    ("绍兴", 527, 25, 0.3, (-0.1, 0.0, 0.1, 0.2, 0.0)),
    ("嘉兴", 540, 26, 0.4, (0.0, 0.1, 0.2, 0.0, 0.0)),
    ("温州", 957, 27, 0.2, (-0.2, 0.0, 0.0, 0.4, 0.0)),
    ("惠州", 604, 28, 0.4, (-0.1, 0.0, 0.3, -0.1, 0.1)),
    ("珠海", 244, 29, 0.2, (0.2, 0.1, -0.3, 0.2, 0.4)),
    ("扬州", 456, 30, 0.3, (0.0, 0.0, 0.1, 0.0, 0.1)),
    ("潍坊", 939, 31, 0.3, (-0.1, 0.0, 0.2, 0.2, -0.3)),
    ("芜湖", 364, 32, 0.4, (0.2, 0.1, 0.1, -0.1, 0.0)),
    ("泰州", 451, 33, 0.3, (0.0, 0.0, 0.1, 0.0, 0.0)),
    ("沈阳", 907, 34, -0.2, (0.1, 0.0, -0.1, 0.0, -0.2)),
    ("大连", 745, 35, 0.1, (0.1, 0.0, 0.0, 0.1, 0.0)),
    ("镇江", 321, 36, 0.3, (0.0, 0.1, 0.0, 0.0, 0.0)),
    ("盐城", 671, 37, 0.2, (-0.1, 0.0, 0.1, -0.1, 0.2)),
    ("台州", 662, 38, 0.4, (-0.1, -0.1, 0.0, 0.4, 0.0)),
    ("淄博", 470, 39, 0.4, (0.0, 0.0, 0.1, 0.0, -0.5)),
    ("中山", 442, 40, 0.4, (-0.3, 0.0, 0.2, 0.1, 0.0)),
    ("长春", 907, 41, 0.2, (0.1, 0.0, 0.0, 0.1, -0.1)),
    ("襄阳", 526, 42, 0.2, (0.0, -0.1, 0.1, 0.0, 0.0)),
    ("唐山", 772, 43, 0.5, (-0.4, -0.2, 0.6, -0.2, -0.9)),
    ("洛阳", 706, 44, 0.2, (0.2, 0.0, 0.0, 0.0, -0.2)),
    ("宜昌", 402, 45, 0.2, (-0.1, 0.0, 0.1, 0.0, 0.0)),
    ("柳州", 416, 46, 0.6, (-0.1, 0.0, 0.2, 0.1, -0.1)),
    ("株洲", 390, 47, 0.4, (0.1, 0.0, 0.0, 0.1, 0.0)),
    ("南昌", 626, 48, 0.0, (0.0, 0.0, 0.0, 0.0, 0.0)),
    ("昆明", 846, 49, -0.5, (0.0, 0.0, -0.1, 0.0, 0.3)),
    ("贵阳", 599, 50, -0.4, (0.0, 0.3, -0.1, -0.1, 0.1)),
    ("淮安", 456, 51, 0.2, (-0.1, 0.0, 0.1, 0.0, 0.1)),
    ("济宁", 836, 52, 0.2, (-0.1, 0.0, 0.1, 0.0, -0.2)),
    ("连云港", 460, 53, 0.3, (0.0, 0.0, 0.1, 0.0, -0.1)),
    ("绵阳", 487, 54, 0.1, (0.5, 0.0, -0.2, 0.0, 0.0)),
    ("威海", 291, 55, 0.3, (0.0, 0.0, 0.0, 0.2, 0.3)),
    ("东营", 219, 56, 0.5, (0.0, -0.1, 0.3, -0.1, -0.4)),
    ("江门", 480, 57, 0.4, (-0.1, 0.0, 0.1, 0.0, 0.0)),
    ("石家庄", 1124, 58, -0.3, (0.1, 0.0, -0.1, 0.0, -0.2)),
    ("哈尔滨", 1001, 59, -0.5, (0.2, -0.1, -0.2, 0.0, -0.1)),
    ("保定", 1154, 60, 0.0, (0.0, 0.0, 0.0, 0.1, 0.0)),
    ("临沂", 1102, 61, 0.2, (-0.2, 0.0, 0.2, 0.0, -0.1)),
    ("宿迁", 499, 62, 0.3, (-0.2, 0.0, 0.1, 0.0, 0.2)),
    ("湘潭", 273, 63, 0.3, (0.1, 0.0, 0.0, 0.0, -0.1)),
    ("漳州", 505, 64, 0.3, (-0.2, 0.0, 0.2, 0.0, 0.1)),
    ("滁州", 399, 65, 0.4, (0.0, 0.0, 0.1, -0.1, 0.1)),
    ("许昌", 438, 66, 0.3, (-0.1, 0.0, 0.1, 0.1, 0.0)),
    ("宜宾", 459, 67, 0.2, (0.0, 0.0, 0.2, 0.1, 0.0)),
    ("赣州", 897, 68, 0.1, (-0.1, 0.0, 0.1, 0.0, 0.1)),
    ("德阳", 346, 69, 0.4, (0.1, 0.0, 0.0, 0.1, 0.0)),
    ("太原", 530, 70, -0.3, (0.1, 0.0, -0.2, 0.0, -0.4)),
    ("南宁", 874, 71, -0.6, (0.0, 0.1, -0.2, 0.0, 0.3)),
    ("包头", 271, 72, 0.3, (-0.1, -0.1, 0.2, 0.0, -0.7)),
    ("衡阳", 665, 73, 0.1, (0.0, 0.0, 0.0, 0.0, 0.0)),
    ("九江", 460, 74, 0.3, (-0.1, 0.0, 0.1, 0.0, -0.1)),
    ("马鞍山", 216, 75, 0.4, (0.0, 0.0, 0.1, 0.0, -0.6)),
    ("滨州", 393, 76, 0.4, (-0.2, 0.0, 0.3, 0.0, -0.4)),
    ("新乡", 625, 77, 0.2, (0.0, 0.0, 0.0, 0.0, -0.1)),
    ("廊坊", 546, 78, 0.1, (0.1, 0.1, -0.1, 0.0, 0.1)),
    ("遵义", 661, 79, 0.2, (-0.2, 0.0, 0.2, 0.2, 0.0)),
    ("岳阳", 505, 80, 0.2, (-0.1, 0.0, 0.1, 0.0, -0.1)),
    ("宝鸡", 332, 81, 0.3, (0.1, 0.0, 0.0, 0.0, -0.1)),
    ("宁德", 315, 82, 0.4, (0.1, 0.0, 0.3, 0.0, 0.2)),
    ("沧州", 730, 83, 0.2, (-0.2, 0.0, 0.1, 0.0, -0.2)),
    ("德州", 561, 84, 0.2, (-0.1, 0.0, 0.1, 0.0, -0.1)),
    ("蚌埠", 330, 85, 0.2, (0.1, 0.0, -0.1, 0.0, 0.0)),
    ("荆州", 523, 86, 0.1, (-0.1, 0.0, 0.0, 0.0, 0.0)),
    ("泸州", 425, 87, 0.2, (-0.1, 0.0, 0.1, 0.1, 0.0)),
    ("聊城", 595, 88, 0.3, (-0.2, 0.0, 0.1, 0.0, -0.2)),
    ("泰安", 547, 89, 0.1, (0.0, 0.0, 0.0, 0.0, 0.0)),
    ("南阳", 971, 90, 0.0, (0.0, 0.0, 0.0, 0.0, 0.0)),
    ("肇庆", 411, 91, 0.3, (-0.1, 0.0, 0.0, 0.0, 0.1)),
    ("安庆", 417, 92, 0.2, (0.0, 0.0, 0.0, 0.0, 0.0)),
    ("龙岩", 272, 93, 0.2, (-0.1, 0.0, 0.1, 0.0, 0.1)),
    ("上饶", 649, 94, 0.2, (-0.1, 0.0, 0.1, 0.0, 0.1)),
    ("鞍山", 333, 95, 0.4, (0.0, -0.1, 0.1, 0.0, -0.6)),
    ("汕头", 550, 96, 0.2, (-0.1, 0.0, -0.1, 0.2, 0.0)),
    ("邯郸", 941, 97, 0.2, (-0.2, 0.0, 0.2, -0.1, -0.6)),
    ("长治", 318, 98, 0.2, (-0.2, 0.0, 0.1, 0.0, -0.5)),
    ("莆田", 321, 99, 0.3, (-0.2, 0.0, 0.1, 0.1, 0.0)),
    ("鄂尔多斯", 215, 100, 0.2, (-0.3, -0.1, 0.4, -0.2, -0.8)),
]

# GDP per capita in 2021, 10,000 yuan: set near the published figures (rounded),
# so that per-capita magnitudes look right; the generated GDP adds noise.
GDP_PER_CAPITA_2021 = {
    "深圳": 17.4, "广州": 15.1, "苏州": 17.8, "杭州": 15.0, "南京": 17.4, "宁波": 15.4, "青岛": 13.3,
    "武汉": 15.6, "成都": 9.5, "长沙": 13.3, "无锡": 18.7, "常州": 16.2, "南通": 14.1, "佛山": 12.7,
    "东莞": 10.6, "徐州": 8.9, "扬州": 14.4, "泰州": 13.8, "大连": 11.2, "镇江": 14.8, "盐城": 9.7,
    "南昌": 10.8, "淮安": 9.3, "连云港": 8.0, "宿迁": 7.5, "合肥": 12.0, "厦门": 13.5, "郑州": 10.0,
    "济南": 12.5, "西安": 8.3, "福州": 13.6, "泉州": 12.9, "烟台": 12.2, "绍兴": 12.8, "嘉兴": 12.1,
    "温州": 7.8, "惠州": 8.3, "珠海": 15.7, "潍坊": 7.7, "芜湖": 11.7, "沈阳": 8.0, "台州": 8.3,
    "淄博": 9.1, "中山": 7.6, "长春": 7.7, "襄阳": 10.0, "唐山": 11.7, "洛阳": 7.7, "宜昌": 12.9,
    "柳州": 7.4, "株洲": 9.1, "昆明": 8.6, "贵阳": 7.7, "济宁": 6.1, "绵阳": 6.8, "威海": 11.4,
    "东营": 15.5, "江门": 7.4, "石家庄": 5.8, "哈尔滨": 5.3, "保定": 3.6, "临沂": 4.9, "湘潭": 9.6,
    "漳州": 10.1, "滁州": 8.5, "许昌": 8.0, "宜宾": 6.8, "赣州": 4.6, "德阳": 7.8, "太原": 9.7,
    "南宁": 5.9, "包头": 13.0, "衡阳": 5.9, "九江": 8.3, "马鞍山": 11.2, "滨州": 7.2, "新乡": 5.2,
    "廊坊": 6.2, "遵义": 6.5, "岳阳": 8.3, "宝鸡": 7.1, "宁德": 10.6, "沧州": 5.6, "德州": 6.2,
    "蚌埠": 6.0, "荆州": 5.4, "泸州": 5.7, "聊城": 4.6, "泰安": 5.7, "南阳": 4.5, "肇庆": 6.4,
    "安庆": 6.6, "龙岩": 11.0, "上饶": 4.6, "鞍山": 5.6, "汕头": 5.2, "邯郸": 4.4, "长治": 6.6,
    "莆田": 9.0, "鄂尔多斯": 22.5,
}

# 2020 momentum: how much weaker (+) or stronger (-) a city was in 2020, in units
# of latent strength.  Hubei's industry fell in the 2020 lockdown; Dalian was
# reported 45th in 2020 and 35th in 2021.
MOMENTUM_2020 = {"武汉": 0.3, "襄阳": 0.2, "宜昌": 0.2, "荆州": 0.2, "大连": 0.3}


def load_reference_ranks(shared):
    path = os.path.join(shared, "data", "ccid", "published-ranks-2021.csv")
    ranks = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            ranks[row["name_zh"]] = (int(row["rank"]), row["note"])
    return ranks


DIMENSIONS = [
    ("INNOV", "Innovation capability", "创新能力", 0.25),
    ("INTEG", "Integrated development", "融合发展", 0.20),
    ("ECON", "Economic drive", "经济带动", 0.25),
    ("BRAND", "Brand quality", "品牌质量", 0.15),
    ("GREEN", "Green intensification", "绿色集约", 0.15),
]
DIM_INDEX = {code: k for k, (code, _, _, _) in enumerate(DIMENSIONS)}

ILLUSTRATIVE_SOURCE = (
    "Illustrative values generated by data/samples/generate-samples.py; not CCID's data "
    "and not official statistics.")

# code, dimension, name, name_zh, unit, direction, denominator, goalposts,
# description, description_zh
MFG_INDICATORS = [
    ("RDINT", "INNOV", "R&D intensity of industrial enterprises",
     "规上工业企业研发投入强度", "%", 1, None, {"low": 0, "high": 5, "target": 2.5},
     "R&D expenditure of industrial enterprises above designated size as a share of "
     "their operating revenue.",
     "规模以上工业企业研究与试验发展（R&D）经费支出占营业收入的比重。"),
    ("HTE", "INNOV", "High-tech enterprises", "高新技术企业数", "enterprises", 1, None, None,
     "Number of nationally recognised high-tech enterprises registered in the city at "
     "the end of the year.",
     "年末经认定的国家高新技术企业数量。"),
    ("INVPAT", "INNOV", "Invention patents granted", "发明专利授权量", "patents", 1, "POP",
     None,
     "Invention patents granted to applicants in the city during the year; divided by "
     "the resident population (POP) when the method denominates, giving patents per "
     "10,000 residents.",
     "当年本市申请人获得授权的发明专利数；按常住人口（POP）折算后为每万人发明专利授权量。"),
    ("TECHCTR", "INNOV", "Enterprise technology and innovation centres",
     "企业技术中心和制造业创新中心数", "centres", 1, None, None,
     "National and provincial enterprise technology centres and manufacturing "
     "innovation centres located in the city.",
     "国家级和省级企业技术中心、制造业创新中心数量。"),
    ("RDACT", "INNOV", "Industrial enterprises with R&D activity",
     "有研发活动的规上工业企业占比", "%", 1, None, None,
     "Share of industrial enterprises above designated size that carried out R&D "
     "during the year.",
     "开展研发活动的规模以上工业企业占全部规模以上工业企业的比重。"),
    ("TECHMKT", "INNOV", "Technology contract turnover", "技术合同成交额",
     "100 million yuan", 1, "GDP", None,
     "Turnover of registered technology contracts (sales of technology from the "
     "city); divided by GDP when the method denominates.",
     "本市登记的技术合同成交额（技术输出）；按地区生产总值（GDP）折算后为占GDP的比重。"),

    ("TWOINT", "INTEG", "Integration of informatisation and industrialisation",
     "两化融合发展水平", "points", 1, None, {"low": 0, "high": 100, "target": 65},
     "Composite score (0-100) of the integration of information technology and "
     "industry, from the national enterprise self-assessment platform.",
     "基于两化融合评估诊断平台的两化融合发展水平得分（0-100）。"),
    ("NCRATE", "INTEG", "Numerical control of key processes", "关键工序数控化率", "%", 1,
     None, {"low": 0, "high": 100, "target": 68},
     "Share of key production processes in industrial enterprises run by numerical "
     "control.",
     "工业企业关键工序中实现数控化的比重。"),
    ("SMARTF", "INTEG", "Smart factories and digital workshops",
     "智能工厂和数字化车间数", "sites", 1, None, None,
     "Smart factories and digital workshops recognised at provincial level or above "
     "(cumulative).",
     "省级及以上认定的智能工厂和数字化车间累计数量。"),
    ("DIGSHARE", "INTEG", "Digital economy core industries",
     "数字经济核心产业增加值占GDP比重", "%", 1, None, None,
     "Value added of the digital economy's core industries as a share of GDP.",
     "数字经济核心产业增加值占地区生产总值的比重。"),
    ("PRODSVC", "INTEG", "Producer services", "生产性服务业增加值占服务业比重", "%", 1,
     None, None,
     "Value added of producer services (logistics, finance, R&D, design, leasing, "
     "business services serving manufacturing) as a share of services value added.",
     "生产性服务业增加值占服务业增加值的比重。"),

    ("OUTPUT", "ECON", "Industrial output", "规上工业总产值", "100 million yuan", 1, None,
     None,
     "Gross output value of industrial enterprises above designated size (annual "
     "revenue of 20 million yuan or more).",
     "年主营业务收入2000万元及以上工业企业的工业总产值。"),
    ("MFGSHARE", "ECON", "Manufacturing share of GDP", "制造业增加值占GDP比重", "%", 1,
     None, None,
     "Manufacturing value added as a share of GDP.",
     "制造业增加值占地区生产总值的比重。"),
    ("IVAGR", "ECON", "Growth of industrial value added", "规上工业增加值增速", "%", 1,
     None, None,
     "Year-on-year growth of the value added of industrial enterprises above "
     "designated size, at comparable prices.",
     "规模以上工业增加值按可比价格计算的同比增速。"),
    ("FIRMS", "ECON", "Industrial enterprises above designated size",
     "规上工业企业数", "enterprises", 1, None, None,
     "Number of industrial enterprises with annual revenue of 20 million yuan or more.",
     "年主营业务收入2000万元及以上的工业企业数量。"),
    ("BIGFIRM", "ECON", "Manufacturers with revenue above 10 billion yuan",
     "营业收入超百亿元制造业企业数", "enterprises", 1, None, None,
     "Manufacturing enterprises headquartered in the city with annual revenue of "
     "10 billion yuan or more.",
     "总部位于本市、年营业收入100亿元及以上的制造业企业数量。"),
    ("HTEXP", "ECON", "High-tech product exports", "高新技术产品出口额",
     "100 million yuan", 1, None, None,
     "Exports of high-tech products by enterprises in the city.",
     "本市企业高新技术产品出口额。"),

    ("GIANT", "BRAND", "Specialised and sophisticated \"little giants\"",
     "专精特新“小巨人”企业数", "enterprises", 1, None, None,
     "National-level specialised, refined, distinctive and innovative \"little giant\" "
     "enterprises recognised by MIIT (cumulative).",
     "工业和信息化部认定的国家级专精特新“小巨人”企业累计数量。"),
    ("CHAMP", "BRAND", "Single-item champions", "制造业单项冠军企业数", "enterprises", 1,
     None, None,
     "Manufacturing single-item champion enterprises and products recognised by MIIT "
     "(cumulative).",
     "工业和信息化部认定的制造业单项冠军示范企业和产品累计数量。"),
    ("TOP500", "BRAND", "China's top 500 manufacturers", "中国制造业企业500强数",
     "enterprises", 1, None, None,
     "Enterprises headquartered in the city on the China Enterprise Confederation's "
     "list of the 500 largest manufacturers.",
     "总部位于本市、入选中国企业联合会“中国制造业企业500强”的企业数量。"),
    ("QUALITY", "BRAND", "Product quality pass rate", "产品质量监督抽查合格率", "%", 1,
     None, {"low": 85, "high": 100, "target": 97},
     "Share of samples passing the government's product quality spot checks.",
     "产品质量国家和地方监督抽查的合格率。"),
    ("STDS", "BRAND", "Standards led", "主导制修订国家和国际标准数", "standards", 1, None,
     None,
     "National and international standards drafted or revised under the lead of "
     "enterprises and institutions in the city (cumulative).",
     "本市企事业单位主导制定、修订的国家标准和国际标准累计数量。"),

    ("ENERGY", "GREEN", "Energy use per unit of industrial value added",
     "单位工业增加值能耗", "tce per 10,000 yuan", -1, None,
     {"low": 0, "high": 2, "target": 0.5},
     "Energy consumption of industry per 10,000 yuan of industrial value added, in "
     "tonnes of standard coal equivalent; less is better.",
     "每万元工业增加值消耗的能源（吨标准煤）；越低越好。"),
    ("WATER", "GREEN", "Water use per unit of industrial value added",
     "万元工业增加值用水量", "m³ per 10,000 yuan", -1, None, None,
     "Industrial water withdrawal per 10,000 yuan of industrial value added; less is "
     "better.",
     "每万元工业增加值的工业用水量；越低越好。"),
    ("SO2", "GREEN", "SO₂ emissions per unit of industrial value added",
     "单位工业增加值二氧化硫排放量", "kg per 10,000 yuan", -1, None, None,
     "Industrial sulphur dioxide emissions per 10,000 yuan of industrial value added; "
     "less is better.",
     "每万元工业增加值的工业二氧化硫排放量；越低越好。"),
    ("LANDPROD", "GREEN", "Industrial value added per mu of industrial land",
     "亩均工业增加值", "10,000 yuan per mu", 1, None, None,
     "Industrial value added per mu (1/15 hectare) of industrial land.",
     "每亩工业用地产出的工业增加值。"),
    ("GREENF", "GREEN", "National green factories", "国家级绿色工厂数", "factories", 1, None,
     None,
     "Factories on MIIT's list of national green factories (cumulative).",
     "入选工业和信息化部国家级绿色工厂名单的累计数量。"),
]

MFG_DENOMINATORS = [
    ("POP", "Resident population", "常住人口", "10,000 persons",
     "Resident (de facto) population at the end of the year.",
     "年末常住人口。"),
    ("GDP", "Gross domestic product", "地区生产总值", "100 million yuan",
     "Gross domestic product of the city at current prices.",
     "按当年价格计算的地区生产总值。"),
]

# A few missing values and estimates, with the notes a statistician would write.
MFG_MISSING = {
    ("鄂尔多斯", "SMARTF", 2020): "Not published for 2020; the province's list of "
                                 "digital workshops gives no city breakdown.",
    ("莆田", "TECHMKT", 2021): "Technology contract turnover not reported separately "
                              "in the 2021 statistical bulletin.",
    ("长治", "DIGSHARE", 2020): "The city had not yet measured its digital economy "
                               "core industries.",
    ("长治", "DIGSHARE", 2021): "The city had not yet measured its digital economy "
                               "core industries.",
    ("汕头", "PRODSVC", 2020): "Producer services not separated in the 2020 accounts.",
    ("遵义", "WATER", 2021): "Water use survey for 2021 not yet released.",
    ("宝鸡", "RDACT", 2020): "R&D survey figure withheld (revision pending).",
}
MFG_ESTIMATED = {
    ("东莞", "DIGSHARE", 2021): "Estimated from the provincial share and the city's "
                               "electronics output.",
    ("哈尔滨", "ENERGY", 2021): "Estimated: 2020 figure adjusted by the provincial "
                               "change.",
    ("南宁", "NCRATE", 2021): "Estimated from the provincial survey.",
    ("泉州", "TWOINT", 2020): "Estimated: assessment covered too few enterprises.",
    ("成都", "POP", 2021): "Estimated: projected from the 2020 census.",
    ("郑州", "POP", 2021): "Estimated: projected from the 2020 census.",
    ("西安", "POP", 2021): "Estimated: projected from the 2020 census.",
    ("温州", "LANDPROD", 2020): "Estimated from the land survey of 2019.",
    ("包头", "SO2", 2021): "Estimated from the provincial emission inventory.",
}

# Multipliers for a few count indicators where a city is known to stand out.
MFG_STANDOUT = {
    ("宁波", "CHAMP"): 3.0, ("宁波", "GIANT"): 1.6, ("深圳", "HTEXP"): 1.4,
    ("东莞", "FIRMS"): 1.6, ("东莞", "HTEXP"): 1.3, ("西安", "TECHMKT"): 2.2,
    ("武汉", "TECHMKT"): 1.5, ("杭州", "DIGSHARE"): 1.3,
}

HUBEI_2020_IVAGR = {"武汉": -6.9, "襄阳": -6.4, "宜昌": -5.4, "荆州": -7.2}


def q_rank(rank, n=293):
    """Latent strength of a given rank among CCID's 293 evaluated cities."""
    return statistics.NormalDist().inv_cdf(1.0 - (rank - 0.5) / n)


class MfgGenerator:
    def __init__(self, shared):
        self.refs = load_reference_ranks(shared)
        rng = random.Random(SEED)
        self.cities = [row[0] for row in MFG_CITIES]
        self.pop = {row[0]: row[1] for row in MFG_CITIES}
        self.target = {row[0]: row[2] for row in MFG_CITIES}
        self.manuf = {row[0]: row[3] for row in MFG_CITIES}
        self.profile = {row[0]: row[4] for row in MFG_CITIES}
        for zh, (rank, _) in self.refs.items():
            assert self.target[zh] == rank, zh
        # Noise, drawn once in a fixed order: per city a dimension noise and a
        # GDP-per-capita noise; per city and indicator a level noise and a
        # year-to-year noise.
        self.dim_noise = {}
        self.gdp_noise = {}
        self.cell_noise = {}
        self.year_noise = {}
        self.momentum = {}
        self.pop_growth = {}
        codes = [i[0] for i in MFG_INDICATORS]
        for zh in self.cities:
            self.dim_noise[zh] = [rng.gauss(0, 0.15) for _ in DIMENSIONS]
            self.gdp_noise[zh] = rng.gauss(0, 0.04)
            self.momentum[zh] = MOMENTUM_2020.get(zh, 0.0) + rng.gauss(0.0, 0.10)
            self.pop_growth[zh] = rng.gauss(0.004, 0.006)
            for code in codes:
                self.cell_noise[zh, code] = rng.gauss(0, 1)
                self.year_noise[zh, code] = rng.gauss(0, 1)
        self.strength = {zh: q_rank(self.target[zh]) for zh in self.cities}

    # -- values of one city in one year ------------------------------------
    def city_values(self, zh, year):
        s = self.strength[zh] - (self.momentum[zh] if year == 2020 else 0.0)
        m = self.manuf[zh]
        prof = self.profile[zh]
        dn = self.dim_noise[zh]
        D = {code: s + prof[k] + dn[k] + (0.45 * m if code == "ECON" else 0.0)
             for k, (code, _, _, _) in enumerate(DIMENSIONS)}
        _, province = CITY_FACTS[zh]
        pop = self.pop[zh] * (1.0 + self.pop_growth[zh]) if year == 2021 else self.pop[zh]
        # GDP per capita in 10,000 yuan, near the published level, with noise;
        # 2020 about 9% lower (nominal growth).
        gpc = GDP_PER_CAPITA_2021[zh] * math.exp(self.gdp_noise[zh])
        gpc *= 1.0 if year == 2021 else 0.915
        gdp = pop * gpc
        lg = math.log(gdp / 5000.0)
        yr = 0.0 if year == 2021 else 1.0  # 1 for the earlier year

        def e(code, sd):
            return sd * (self.cell_noise[zh, code] + 0.35 * yr * self.year_noise[zh, code])

        def count(code, a, b, dim, c, sd, growth):
            v = math.exp(a + b * D[dim] + c * lg + e(code, sd) - yr * growth)
            v *= MFG_STANDOUT.get((zh, code), 1.0)
            return float(max(0, round(v)))

        def clip(v, lo, hi):
            return min(hi, max(lo, v))

        v = {}
        v["POP"] = round(pop, 1)
        v["GDP"] = round(gdp, 1)
        # Innovation capability
        v["RDINT"] = round(clip(0.95 + 0.5 * D["INNOV"] + e("RDINT", 0.18) - 0.08 * yr,
                                0.35, 4.8), 2)
        v["HTE"] = count("HTE", 5.45, 0.65, "INNOV", 1.1, 0.22, 0.14)
        v["INVPAT"] = count("INVPAT", 6.3, 0.65, "INNOV", 1.0, 0.25, 0.12)
        v["TECHCTR"] = count("TECHCTR", 3.8, 0.55, "INNOV", 0.7, 0.2, 0.06)
        v["RDACT"] = round(clip(20 + 9 * D["INNOV"] + 8 * max(m, 0) + e("RDACT", 4.0)
                                - 2.5 * yr, 8, 78), 1)
        v["TECHMKT"] = round(math.exp(2.4 + 0.9 * D["INNOV"] + 1.1 * lg
                                      + e("TECHMKT", 0.35) - 0.22 * yr)
                             * MFG_STANDOUT.get((zh, "TECHMKT"), 1.0), 2)
        # Integrated development
        v["TWOINT"] = round(clip(48 + 4.5 * D["INTEG"] + e("TWOINT", 1.8) - 1.6 * yr,
                                 38, 75), 1)
        v["NCRATE"] = round(clip(46 + 5.5 * D["INTEG"] + e("NCRATE", 2.2) - 1.4 * yr,
                                 35, 75), 1)
        v["SMARTF"] = count("SMARTF", 2.3, 0.6, "INTEG", 0.6, 0.3, 0.25)
        v["DIGSHARE"] = round(clip(math.exp(1.25 + 0.52 * D["INTEG"] + e("DIGSHARE", 0.2)
                                            - 0.06 * yr)
                                   * MFG_STANDOUT.get((zh, "DIGSHARE"), 1.0), 1.5, 45), 1)
        v["PRODSVC"] = round(clip(38 + 4 * D["INTEG"] + 3 * m + e("PRODSVC", 2.5)
                                  - 0.6 * yr, 25, 68), 1)
        # Economic drive
        ratio = math.exp(-0.1 + 0.7 * m + 0.06 * D["ECON"] + e("OUTPUT", 0.1))
        v["OUTPUT"] = round(gdp * ratio * (1.0 if year == 2021 else 0.88), 0)
        v["MFGSHARE"] = round(clip(27 + 2.0 * D["ECON"] + 16 * m + e("MFGSHARE", 2.5)
                                   - 0.5 * yr, 12, 56), 1)
        if year == 2020:
            if zh in HUBEI_2020_IVAGR:
                gr = HUBEI_2020_IVAGR[zh]
            else:
                gr = 2.6 + 1.0 * (D["ECON"] - 1.2) + 2.0 * self.year_noise[zh, "IVAGR"]
        else:
            gr = 9.2 + 1.3 * (D["ECON"] - 1.2) + 2.2 * self.cell_noise[zh, "IVAGR"]
            if province == "Hubei":
                gr += 7.0
        v["IVAGR"] = round(clip(gr, -9.5, 24), 1)
        v["FIRMS"] = float(round(math.exp(0.9 * math.log(gdp) - 1.0 + 1.1 * m
                                          + 0.2 * D["ECON"] + e("FIRMS", 0.15)
                                          - 0.07 * yr)
                                 * MFG_STANDOUT.get((zh, "FIRMS"), 1.0)))
        v["BIGFIRM"] = count("BIGFIRM", 0.6, 0.45, "ECON", 0.85, 0.3, 0.1)
        v["HTEXP"] = round(math.exp(4.35 + 0.7 * D["ECON"] + 1.2 * lg + 0.5 * m
                                    + e("HTEXP", 0.4) - 0.1 * yr)
                           * MFG_STANDOUT.get((zh, "HTEXP"), 1.0), 1)
        # Brand quality
        v["GIANT"] = count("GIANT", 1.3, 0.75, "BRAND", 0.5, 0.3, 0.0)
        if year == 2020:  # the list grew most with MIIT's 2021 batch
            share = 0.38 + 0.05 * self.year_noise[zh, "GIANT"]
            v["GIANT"] = float(round(v["GIANT"] * share))
        v["CHAMP"] = count("CHAMP", -0.2, 0.7, "BRAND", 0.5, 0.35, 0.15)
        v["TOP500"] = count("TOP500", -0.5, 0.6, "BRAND", 0.6, 0.35, 0.05)
        v["QUALITY"] = round(clip(91.2 + 1.2 * D["BRAND"] + e("QUALITY", 1.1) - 0.3 * yr,
                                  86, 99.3), 1)
        v["STDS"] = count("STDS", 2.0, 0.8, "BRAND", 0.7, 0.3, 0.12)
        # Green intensification (heavy industry: negative GREEN profile)
        heavy = max(0.0, -prof[4])
        v["ENERGY"] = round(math.exp(math.log(0.85) - 0.33 * D["GREEN"] + 0.8 * heavy
                                     + e("ENERGY", 0.15) + 0.05 * yr), 3)
        v["WATER"] = round(math.exp(math.log(30) - 0.3 * D["GREEN"] + 0.4 * heavy
                                    + e("WATER", 0.2) + 0.06 * yr), 1)
        v["SO2"] = round(math.exp(math.log(1.1) - 0.55 * D["GREEN"] + 1.1 * heavy
                                  + e("SO2", 0.3) + 0.1 * yr), 2)
        v["LANDPROD"] = round(math.exp(math.log(62) + 0.45 * D["GREEN"] + 0.25 * m
                                       + e("LANDPROD", 0.2) - 0.07 * yr), 1)
        v["GREENF"] = count("GREENF", 1.0, 0.5, "GREEN", 0.6, 0.3, 0.3)
        return v

    # -- the dataset ---------------------------------------------------------
    def build(self):
        ds = {"years": [2020, 2021]}
        cities = []
        for zh in self.cities:
            en, province = CITY_FACTS[zh]
            c = {"code": city_code(zh), "name": en, "name_zh": zh, "province": province,
                 "region": REGION_OF_PROVINCE[province],
                 "attributes": [("admin_level", admin_level(zh))], "reference_ranks": {},
                 "zh": zh}
            if zh in self.refs:
                c["reference_ranks"][2021] = self.refs[zh][0]
            if zh == "大连":
                c["reference_ranks"][2020] = 45
            cities.append(c)
        ds["cities"] = cities

        inds = []
        for code, name, name_zh, unit, desc, desc_zh in MFG_DENOMINATORS:
            inds.append({"code": code, "kind": "denominator", "unit": unit, "name": name,
                         "name_zh": name_zh, "description": desc,
                         "description_zh": desc_zh, "source": ILLUSTRATIVE_SOURCE})
        for (code, dim, name, name_zh, unit, direction, den, gp, desc,
             desc_zh) in MFG_INDICATORS:
            inds.append({"code": code, "dim": dim, "direction": direction, "unit": unit,
                         "denominator": den, "name": name, "name_zh": name_zh,
                         "description": desc, "description_zh": desc_zh,
                         "source": ILLUSTRATIVE_SOURCE, "goalposts": gp})
        ds["indicators"] = inds

        dims = []
        for code, name, name_zh, w in DIMENSIONS:
            dims.append({"code": code, "name": name, "name_zh": name_zh, "weight": w,
                         "children": [{"code": i["code"], "weight": 1}
                                      for i in inds if i.get("dim") == code]})
        ds["framework"] = {"code": "INDEX", "weight": 1,
                           "name": "Advanced manufacturing index (illustrative)",
                           "name_zh": "先进制造业发展指数（示例）", "children": dims}
        ds["method"] = {"denomination": "dataset", "imputation": "none",
                        "treatment": "none",
                        "tiers": [(3, "Leap", "跃升期"), (29, "Expansion", "扩张期"),
                                  (58, "Development", "发展期"), (0, "Start-up", "起步期")],
                        "base_year": 2020, "group_ranks": "province"}
        self.fill_values(ds)
        return ds

    def fill_values(self, ds):
        values = {}
        for zh in self.cities:
            code = city_code(zh)
            for year in ds["years"]:
                cells = {}
                for icode, v in self.city_values(zh, year).items():
                    key = (zh, icode, year)
                    if key in MFG_MISSING:
                        cells[icode] = (None, "observed", MFG_MISSING[key])
                    elif key in MFG_ESTIMATED:
                        cells[icode] = (v, "estimated", MFG_ESTIMATED[key])
                    else:
                        cells[icode] = (v, "observed", None)
                values[code, year] = cells
        ds["values"] = values

    def calibrate(self, ds, rounds=200):
        """Nudges the latent strengths until every city's computed 2021 rank lies
        within a tolerance of its target (tight for published ranks, loose for
        the others), and Dalian's 2020 rank near the reported 45th.  The noise is
        never redrawn, so what remains off target is the data's own noise."""
        code_of = {zh: city_code(zh) for zh in self.cities}
        for _ in range(rounds):
            self.fill_values(ds)
            _, ranks, _ = compute_scores(ds, 2021)
            _, ranks20, _ = compute_scores(ds, 2020)
            moved = False
            for zh in self.cities:
                r, t = ranks[code_of[zh]], self.target[zh]
                if zh in self.refs:
                    tol = 0 if t <= 3 else max(1, round(0.08 * t))
                else:
                    tol = max(3, round(0.15 * t))
                if abs(r - t) > tol:
                    self.strength[zh] += 0.5 * (q_rank(t) - q_rank(r))
                    moved = True
            # Published order among the reference cities (outside the disputed
            # ranks 6-10), and Xiamen above Foshan and Dongguan as reported.
            ordered = sorted((t, zh) for zh, (t, _) in self.refs.items()
                             if not 6 <= t <= 10)
            pairs = list(zip(ordered, ordered[1:]))
            pairs += [((12, "厦门"), (18, "佛山")), ((12, "厦门"), (19, "东莞"))]
            for (_, a), (_, b) in pairs:
                if ranks[code_of[a]] > ranks[code_of[b]]:
                    self.strength[a] += 0.03
                    self.strength[b] -= 0.03
                    moved = True
            r20 = ranks20[code_of["大连"]]
            if abs(r20 - 45) > 3:
                self.momentum["大连"] -= 0.5 * (q_rank(45) - q_rank(r20))
                moved = True
            if not moved:
                break
        self.fill_values(ds)


def mfg_metadata():
    notes = (
        "ILLUSTRATIVE DATA. CCID Consulting does not publish the indicator values behind "
        "its \"Top 100 Advanced Manufacturing Cities\" list. Every indicator value in "
        "this file (including population and GDP) was generated by "
        "data/samples/generate-samples.py from a latent strength per city, calibrated so "
        "that the computed 2021 ranking broadly follows the published ranks, plus random "
        "noise and a dimension profile per city. The values are not CCID's data and not "
        "official statistics; do not cite them.\n"
        "Real: the cities, their provinces and regions, and the reference ranks. The "
        "2021 reference ranks are those stated in press coverage of CCID's 2021 list "
        "(released 2021-11-29); ranks 6-10 differ between press reports (one puts Hefei "
        "in the top ten). Dalian's 2020 reference rank (45th) is from the same coverage. "
        "The other 75 cities have no published rank here.\n"
        "Framework: CCID's five dimensions with 27 indicators defined for this sample "
        "(CCID names the dimensions and the count of indicators, not the indicators). "
        "CCID's weights are unpublished; the dimension weights here (innovation 0.25, "
        "integrated development 0.20, economic drive 0.25, brand quality 0.15, green "
        "intensification 0.15) are our choice, indicators weigh equally within a "
        "dimension. Stages by rank as in CCID's 2022 edition: leap 1-3, expansion 4-29, "
        "development 30-58, start-up 59 and below.")
    notes_zh = (
        "示例数据。赛迪顾问未公开“先进制造业百强市”的指标数据。本文件中的全部指标值（含人口和GDP）"
        "均由 data/samples/generate-samples.py 根据各城市的潜在实力生成，并经校准使2021年计算排名"
        "大致接近公开排名，另加随机扰动和各维度特征。这些数值不是赛迪顾问的数据，也不是官方统计，"
        "请勿引用。\n"
        "真实信息：城市名单、所属省份和地区，以及参考排名。2021年参考排名取自媒体对赛迪顾问2021年"
        "榜单（2021年11月29日发布）的报道；第6至10名各报道说法不一。大连2020年排名第45位亦出自"
        "同一报道。其余75个城市无公开排名。\n"
        "指标体系：沿用赛迪的五个维度，27项指标为本示例自行设定。赛迪未公开权重，本示例维度权重为"
        "创新能力0.25、融合发展0.20、经济带动0.25、品牌质量0.15、绿色集约0.15，维度内指标等权。"
        "按排名分为四个阶段：跃升期1-3名、扩张期4-29名、发展期30-58名、起步期59名及以后。")
    source = (
        "Illustrative values generated by the Cityrank project "
        "(data/samples/generate-samples.py, fixed seed); not CCID's data. Reference "
        "ranks: press coverage of CCID Consulting's 2021 list of the Top 100 Advanced "
        "Manufacturing Cities (released 2021-11-29).")
    source_zh = (
        "示例数值由Cityrank项目生成（固定随机种子），并非赛迪顾问数据；参考排名来自媒体对赛迪顾问"
        "2021年先进制造业百强市榜单的报道。")
    return {"title": "Top 100 Advanced Manufacturing Cities (illustrative)",
            "title_zh": "先进制造业百强市（示例数据）", "edition": "2021",
            "publisher": "Cityrank sample data", "publisher_zh": "Cityrank 示例数据",
            "source": source, "source_zh": source_zh, "licence": "CC0-1.0",
            "notes": notes, "notes_zh": notes_zh}


def check_mfg(ds, gen):
    cities = ds["cities"]
    assert len(cities) == 100
    regions = {}
    provinces = {}
    for c in cities:
        regions[c["region"]] = regions.get(c["region"], 0) + 1
        provinces[c["province"]] = provinces.get(c["province"], 0) + 1
    assert regions["East"] == 55, regions
    assert regions["Central"] + regions["West"] == 40, regions
    assert regions["Northeast"] == 5, regions
    for p, n in (("Jiangsu", 13), ("Shandong", 13), ("Guangdong", 10), ("Zhejiang", 6),
                 ("Sichuan", 5)):
        assert provinces[p] == n, (p, provinces[p])
    assert len({c["code"] for c in cities}) == 100
    assert sum(1 for i in ds["indicators"] if i.get("kind") != "denominator") == 27
    for (code, year), cells in ds["values"].items():
        for icode, (v, _, _) in cells.items():
            if v is None or icode == "IVAGR":
                continue
            assert v >= 0, (code, year, icode, v)
            if icode in ("POP", "GDP", "OUTPUT", "ENERGY", "WATER", "LANDPROD"):
                assert v > 0, (code, year, icode, v)


# ---------------------------------------------------------------------------
# 2. shenzhen-emerging-industries-2020 (real figures)
# ---------------------------------------------------------------------------

# code, English, Chinese, 2020 added value (billion yuan), growth 2020 (%)
SZ_INDUSTRIES = [
    ("NGIT", "New-generation information technology", "新一代信息技术产业", 489.345, 2.6),
    ("DIGITAL", "Digital economy", "数字经济产业", 160.103, -0.2),
    ("HIEQUIP", "High-end equipment manufacturing", "高端装备制造产业", 138.069, 1.8),
    ("GREENLC", "Green and low-carbon", "绿色低碳产业", 122.704, 6.2),
    ("MARINE", "Marine economy", "海洋经济产业", 42.776, 2.4),
    ("NEWMAT", "New materials", "新材料产业", 33.450, -0.2),
    ("BIOMED", "Biomedicine", "生物医药产业", 40.825, 24.4),
]
SZ_TOTAL = 1027.272


def build_shenzhen():
    total = round(sum(v for _, _, _, v, _ in SZ_INDUSTRIES), 3)
    assert abs(total - SZ_TOTAL) < 1e-9, total
    ds = {"years": [2019, 2020]}
    notes = (
        "Shenzhen's seven strategic emerging industries in 2020: added value in billion "
        "yuan and year-on-year growth in per cent, as published. Together 1,027.272 "
        "billion yuan, +3.1%, 37.1% of GDP (the seven figures add up to the total). The "
        "source article prints the digital economy figure as \"160,103 billion\"; 160.103 "
        "billion fits the total and is used here.\n"
        "The 2019 added values are DERIVED, not published figures: 2020 value / (1 + "
        "growth), rounded to 0.001 billion yuan. Chinese statistics state growth at "
        "comparable prices, so the derived values approximate 2019 added value at 2020 "
        "prices and can differ from the nominal 2019 figures. Growth rates for 2019 are "
        "not in the source and are left empty.\n"
        "With a single city every score is the midpoint of the normalised range and the "
        "city ranks first; the file is meant for the values chart and the data table.")
    notes_zh = (
        "深圳市2020年七大战略性新兴产业增加值（亿元换算为十亿元）及同比增速，合计10272.72亿元，"
        "增长3.1%，占地区生产总值37.1%。原文将数字经济产业写作“160,103 billion”，按合计数应为"
        "1601.03亿元。\n"
        "2019年增加值为推算值（2020年增加值 ÷（1 + 增速）），并非公布数据；增速按可比价格计算，"
        "故推算值近似于按2020年价格计的2019年增加值。2019年增速原文未给出，留空。")
    source = (
        "Shenzhen's 2020 figures for its strategic emerging industries, as reported in "
        "the press coverage of CCID Consulting's 2021 list of the Top 100 Advanced "
        "Manufacturing Cities (compiled in the Cityrank project's "
        "shared/data/ccid/README.md). The original source is presumably Shenzhen's "
        "official 2020 statistics (statistical communiqué); not checked against it.")
    source_zh = (
        "深圳市2020年战略性新兴产业数据，转引自有关赛迪顾问2021年先进制造业百强市榜单的媒体报道；"
        "原始出处应为深圳市2020年统计数据（统计公报），未经核对。")
    ds["metadata"] = {
        "title": "Shenzhen strategic emerging industries 2020",
        "title_zh": "深圳市战略性新兴产业（2020年）", "edition": "2020",
        "publisher": "Cityrank sample data", "publisher_zh": "Cityrank 示例数据",
        "source": source, "source_zh": source_zh,
        "licence": "Public statistics; this compilation CC0-1.0",
        "notes": notes, "notes_zh": notes_zh}
    ds["cities"] = [{"code": city_code("深圳"), "name": "Shenzhen", "name_zh": "深圳",
                     "province": "Guangdong", "region": "East",
                     "attributes": [], "reference_ranks": {}}]
    src = "Shenzhen 2020 figures, via press coverage of CCID's 2021 list"
    inds = []
    for code, en, zh, _, _ in SZ_INDUSTRIES:
        inds.append({"code": "AV_" + code, "direction": 1, "unit": "billion yuan",
                     "name": en + " added value", "name_zh": zh + "增加值",
                     "description": "Added value of Shenzhen's %s industry (a "
                                    "strategic emerging industry), as published for 2020. "
                                    "2019: derived from the 2020 value and its growth."
                                    % en.lower(),
                     "description_zh": "深圳市%s增加值（战略性新兴产业）。2019年为按增速推算值。"
                                       % zh,
                     "source": src})
    for code, en, zh, _, _ in SZ_INDUSTRIES:
        inds.append({"code": "GR_" + code, "direction": 1, "unit": "%",
                     "name": en + " growth", "name_zh": zh + "增加值增速",
                     "description": "Year-on-year growth of the added value, at "
                                    "comparable prices.",
                     "description_zh": "增加值按可比价格计算的同比增速。",
                     "source": src})
    ds["indicators"] = inds
    ds["framework"] = {
        "code": "SEI", "weight": 1, "name": "Strategic emerging industries",
        "name_zh": "战略性新兴产业", "children": [
            {"code": "ADDED", "weight": 0.5, "name": "Added value", "name_zh": "增加值",
             "children": [{"code": "AV_" + c[0], "weight": 1} for c in SZ_INDUSTRIES]},
            {"code": "GROWTH", "weight": 0.5, "name": "Growth", "name_zh": "增速",
             "children": [{"code": "GR_" + c[0], "weight": 1} for c in SZ_INDUSTRIES]},
        ]}
    ds["method"] = None
    values = {}
    code = city_code("深圳")
    y19, y20 = {}, {}
    for icode, _, _, av, gr in SZ_INDUSTRIES:
        y20["AV_" + icode] = (av, "observed", None)
        y20["GR_" + icode] = (gr, "observed", None)
        derived = round(av / (1.0 + gr / 100.0), 3)
        y19["AV_" + icode] = (derived, "estimated",
                              "Derived: 2020 value / (1 + 2020 growth); not a published "
                              "figure.")
        y19["GR_" + icode] = (None, "observed", "Not in the source.")
    values[code, 2019] = y19
    values[code, 2020] = y20
    ds["values"] = values
    return ds


# ---------------------------------------------------------------------------
# 3. chinese-cities-yearbook (real data, quanturban/firm)
# ---------------------------------------------------------------------------

def build_yearbook(shared):
    path = os.path.join(shared, "data", "external", "csv", "yearbook_light.csv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 279, len(rows)
    ds = {"years": [2015]}
    notes = (
        "279 Chinese cities (prefecture level and the four municipalities) with GDP, "
        "fiscal revenue, employment and the sum of night-time light, as published in the "
        "repository quanturban/firm (file yearbook_light.csv, \"data for Figure 4\" of "
        "Dong et al. 2021). The figures come from Chinese city statistical yearbooks, "
        "merged by the authors with night-time-light sums.\n"
        "YEAR: the file does not state its year. The repository joins it to 2015 "
        "establishment counts and the magnitudes fit 2015 (e.g. Shenzhen GDP 1,750.3 "
        "billion yuan), so it is filed under 2015 here; verify before using it as 2015 "
        "data.\n"
        "Units as in the file: GDP and fiscal revenue in 10,000 yuan; employment in "
        "persons; night-time light as the sum of pixel values over the city (the sensor "
        "and product are not stated). Employment is missing for Chongqing in the source.\n"
        "Cityrank added the codes, English names, provinces and regions; the Chinese "
        "names and all values are copied unchanged (light_sum with the decimals of the "
        "file).")
    notes_zh = (
        "279个城市（地级市及四个直辖市）的地区生产总值、财政收入、就业人数和夜间灯光总和，来自"
        "GitHub仓库 quanturban/firm 的 yearbook_light.csv（Dong 等2021年论文图4的数据），"
        "原始数据出自城市统计年鉴。文件未注明年份，按其与2015年企业数据合并及数量级推断为2015年，"
        "使用前请核实。重庆市就业人数原文缺失。")
    source = (
        "quanturban/firm, yearbook_light.csv (snapshot "
        "67218beaadc916cb26ca968481c91ebd55e6cbd6, file commit "
        "9c32020ef72a5c6409bae8ba1a3c7186100c3aa5), data for: Dong, L. et al., \"A "
        "gridded establishment dataset as a proxy for economic activity in China\", "
        "Scientific Data 8, 5 (2021), doi:10.1038/s41597-020-00792-9. Original figures: "
        "Chinese city statistical yearbooks.")
    # Without a "来源：" of its own: the chart and the report print that label.
    source_zh = (
        "GitHub仓库 quanturban/firm 的 yearbook_light.csv；原始数据为中国城市统计年鉴。")
    ds["metadata"] = {
        "title": "Chinese cities: yearbook figures and night-time light",
        "title_zh": "中国城市统计年鉴数据与夜间灯光", "edition": "2015 (year to verify)",
        "publisher": "Dong et al. (quanturban/firm); packaged by Cityrank",
        "publisher_zh": "Dong 等（quanturban/firm）；Cityrank 整理",
        "source": source, "source_zh": source_zh, "licence": "MIT",
        "notes": notes, "notes_zh": notes_zh}
    cities = []
    values = {}
    codes = set()
    for row in rows:
        name = row["city"].strip()
        assert name.endswith("市"), name
        zh = name[:-1]
        en, province = CITY_FACTS[zh]
        code = city_code(zh)
        assert code not in codes, code
        codes.add(code)
        cities.append({"code": code, "name": en, "name_zh": name, "province": province,
                       "region": REGION_OF_PROVINCE[province],
                       "attributes": [("admin_level", admin_level(zh))],
                       "reference_ranks": {}})
        cells = {}
        for icode, col in (("GDP", "GDP10000"), ("FISCAL", "Fiscal10000"),
                           ("EMP", "Employment"), ("LIGHT", "light_sum")):
            raw = row[col].strip()
            if raw == "":
                cells[icode] = (None, "observed", "Empty in the source file.")
                continue
            v = float(raw)
            assert v > 0, (name, col, raw)
            if icode == "LIGHT":
                assert float(num(v)) == float(raw)
            cells[icode] = (v, "observed", None)
        values[code, 2015] = cells
    ds["cities"] = cities
    ds["values"] = values
    yb_src = "City statistical yearbooks via quanturban/firm yearbook_light.csv"
    ds["indicators"] = [
        {"code": "GDP", "direction": 1, "unit": "10,000 yuan",
         "name": "Gross domestic product", "name_zh": "地区生产总值",
         "description": "GDP of the city (column GDP10000).",
         "description_zh": "地区生产总值（原列名 GDP10000），单位万元。", "source": yb_src},
        {"code": "FISCAL", "direction": 1, "unit": "10,000 yuan",
         "name": "Fiscal revenue", "name_zh": "财政收入",
         "description": "Fiscal revenue of the city (column Fiscal10000).",
         "description_zh": "财政收入（原列名 Fiscal10000），单位万元。", "source": yb_src},
        {"code": "EMP", "direction": 1, "unit": "persons",
         "name": "Employment", "name_zh": "就业人数",
         "description": "Employed persons (column Employment).",
         "description_zh": "就业人数（原列名 Employment），单位人。", "source": yb_src},
        {"code": "LIGHT", "direction": 1, "unit": "night-light sum",
         "name": "Night-time light", "name_zh": "夜间灯光总和",
         "description": "Sum of night-time light pixel values over the city (column "
                        "light_sum); sensor and product not stated in the source.",
         "description_zh": "城市范围内夜间灯光像元值之和（原列名 light_sum）。",
         "source": "quanturban/firm yearbook_light.csv"},
    ]
    ds["framework"] = {
        "code": "INDEX", "weight": 1, "name": "Urban economic activity",
        "name_zh": "城市经济活动", "children": [
            {"code": "SIZE", "weight": 0.5, "name": "Economic size", "name_zh": "经济规模",
             "children": [{"code": "GDP", "weight": 1}, {"code": "FISCAL", "weight": 1}]},
            {"code": "ACTIVITY", "weight": 0.5, "name": "Activity", "name_zh": "经济活跃度",
             "children": [{"code": "EMP", "weight": 1}, {"code": "LIGHT", "weight": 1}]},
        ]}
    ds["method"] = {"denomination": "none", "imputation": "none", "treatment": "none"}
    return ds


def group_names(cities):
    """Names of the provinces, regions and administrative levels the cities have: the
    provinces in alphabetical order, the regions and levels in their dictionaries' order.
    (attribute, value, English name or None, Chinese name) each."""
    def used(attribute, order):
        values = {c.get(attribute) if attribute in ("province", "region")
                  else dict(c.get("attributes", [])).get(attribute) for c in cities}
        return [v for v in order if v in values]

    groups = []
    for attribute, names, order in (
            ("province", PROVINCE_ZH, sorted(PROVINCE_ZH)),
            ("region", REGION_ZH, list(REGION_ZH)),
            ("admin_level", ADMIN_LEVEL_ZH, list(ADMIN_LEVEL_ZH))):
        for value in used(attribute, order):
            groups.append((attribute, value, None, names[value]))
    # Every value the cities have is named.
    for c in cities:
        assert c.get("province") in PROVINCE_ZH and c.get("region") in REGION_ZH, c["code"]
        for k, v in c.get("attributes", []):
            assert k != "admin_level" or v in ADMIN_LEVEL_ZH, (c["code"], v)
    return groups


# ---------------------------------------------------------------------------

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "..", "shared"),
                    help="the shared directory (default: ../shared next to the checkout)")
    ap.add_argument("--out", default=here, help="output directory")
    ap.add_argument("--verbose", action="store_true", help="print the computed ranks")
    args = ap.parse_args()

    gen = MfgGenerator(args.shared)
    mfg = gen.build()
    mfg["metadata"] = mfg_metadata()
    gen.calibrate(mfg)
    check_mfg(mfg, gen)
    mfg["groups"] = group_names(mfg["cities"])
    write_dataset(os.path.join(args.out, "advanced-manufacturing-cities.cityrank.xml"), mfg)

    shenzhen = build_shenzhen()
    shenzhen["groups"] = group_names(shenzhen["cities"])
    write_dataset(os.path.join(args.out, "shenzhen-emerging-industries-2020.cityrank.xml"),
                  shenzhen)
    yearbook = build_yearbook(args.shared)
    yearbook["groups"] = group_names(yearbook["cities"])
    write_dataset(os.path.join(args.out, "chinese-cities-yearbook.cityrank.xml"), yearbook)

    if args.verbose:
        idx, ranks, nodes = compute_scores(mfg, 2021)
        idx20, ranks20, _ = compute_scores(mfg, 2020)
        zh_of = {c["code"]: c for c in mfg["cities"]}
        for code in sorted(ranks, key=ranks.get):
            c = zh_of[code]
            ref = c["reference_ranks"].get(2021, "")
            dims = " ".join("%5.1f" % nodes[d[0]][code] for d in DIMENSIONS)
            print("%3d %3s %3d %-14s %s %6.2f | %s" % (ranks[code], ref, ranks20[code],
                                                      code, c["name_zh"], idx[code], dims))


if __name__ == "__main__":
    main()
