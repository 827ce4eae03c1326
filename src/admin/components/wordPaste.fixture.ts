// What Word (Windows, Office 2016+) puts on the clipboard as text/html for a short 政务 text: a bold heading, a
// paragraph with a bold phrase, a numbered list with a sub-item, a bulleted list (Wingdings bullets) and a table
// with a merged cell. Trimmed of Word's long <style> block and font definitions; the markup of the fragment is
// as Word writes it (unquoted attributes, mso-* styles, <o:p>, conditional comments around list markers).
// Used by the unit test of wordPaste.ts and by the browser test that pastes it into the editor.
export const WORD_CLIPBOARD_SAMPLE = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List
href="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<style>
<!--
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-parent:"";
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:10.5pt;
	font-family:等线;}
p.MsoListParagraph
	{mso-style-priority:34;
	margin:0cm;
	text-indent:21.0pt;}
@list l0
	{mso-list-id:1180125706;
	mso-list-type:hybrid;}
@list l0:level1
	{mso-level-text:"%1\\.";
	margin-left:18.0pt;
	text-indent:-18.0pt;}
@list l1:level1
	{mso-level-number-format:bullet;
	mso-level-text:l;
	font-family:Wingdings;}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<!--StartFragment-->

<p class=MsoNormal><b><span style='font-family:黑体;mso-ascii-font-family:等线'>一、工作目标<span
lang=EN-US><o:p></o:p></span></span></b></p>

<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>全面推进政务公开标准化规范化建设，<b>按时完成</b>年度任务。<span
lang=EN-US><o:p></o:p></span></span></p>

<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;mso-add-space:auto;
text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-US style='font-family:仿宋_GB2312'><span style='mso-list:Ignore'>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
style='font-family:仿宋_GB2312'>梳理公开事项清单<span lang=EN-US><o:p></o:p></span></span></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:39.0pt;mso-add-space:auto;
text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
lang=EN-US><span style='mso-list:Ignore'>a)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span style='font-family:仿宋_GB2312'>按部门分解<span
lang=EN-US><o:p></o:p></span></span></p>

<p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;mso-add-space:auto;
text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-US><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span style='font-family:仿宋_GB2312'>按时发布<b>政府信息</b><span
lang=EN-US><o:p></o:p></span></span></p>

<p class=MsoNormal><span style='font-family:仿宋_GB2312'>公开方式：<span lang=EN-US><o:p></o:p></span></span></p>

<p class=MsoListParagraphCxSpFirst style='margin-left:21.0pt;mso-add-space:auto;
text-indent:-21.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
lang=EN-US style='font-family:Wingdings;mso-fareast-font-family:Wingdings;mso-bidi-font-family:
Wingdings'><span style='mso-list:Ignore'>l<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span></span><![endif]><span style='font-family:仿宋_GB2312'>主动公开<span
lang=EN-US><o:p></o:p></span></span></p>

<p class=MsoListParagraphCxSpLast style='margin-left:21.0pt;mso-add-space:auto;
text-indent:-21.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
lang=EN-US style='font-family:Wingdings;mso-fareast-font-family:Wingdings;mso-bidi-font-family:
Wingdings'><span style='mso-list:Ignore'>l<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span></span><![endif]><span style='font-family:仿宋_GB2312'>依申请公开<span
lang=EN-US><o:p></o:p></span></span></p>

<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=138 valign=top style='width:103.7pt;border:solid windowtext 1.0pt;
  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span style='font-family:宋体'>事项<span lang=EN-US><o:p></o:p></span></span></b></p>
  </td>
  <td width=138 valign=top style='width:103.7pt;border:solid windowtext 1.0pt;
  border-left:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span style='font-family:宋体'>责任单位<span lang=EN-US><o:p></o:p></span></span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=138 valign=top style='width:103.7pt;border:solid windowtext 1.0pt;
  border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span style='font-family:宋体'>财政预决算<span lang=EN-US><o:p></o:p></span></span></p>
  </td>
  <td width=138 valign=top style='width:103.7pt;border-top:none;border-left:
  none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;
  padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span style='font-family:宋体'>区财政局<span lang=EN-US><o:p></o:p></span></span></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td width=276 colspan=2 valign=top style='width:207.4pt;border:solid windowtext 1.0pt;
  border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span style='font-family:宋体'>各单位按季度报送<span lang=EN-US><o:p></o:p></span></span></p>
  </td>
 </tr>
</table>

<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>

<!--EndFragment-->
</body>

</html>
`;
